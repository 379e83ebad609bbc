package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobPage;
import io.campanile.scheduler.application.ChangeJobsInBulk;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.ExportJobs;
import io.campanile.scheduler.application.ImportJobs;
import io.campanile.scheduler.application.JobQuery;
import io.campanile.scheduler.application.ListJobs;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * v1's jobs of an app: those of {@link JobsResource}, listed page by page by name, changed in bulk, exported and
 * imported. The literal paths {@code bulk}, {@code export} and {@code import} come before a job's name: a job named so
 * is reached by its id there.
 */
public class V1JobsResource extends JobsResource {

    /** The use cases only v1 has. */
    record V1Services(ListJobs listing, ChangeJobsInBulk bulk, ExportJobs export, ImportJobs imports) {}

    private final V1Services v1;

    V1JobsResource(Services services, V1Services v1) {
        super(services);
        this.v1 = v1;
    }

    /** {@code name}: a prefix of the names; {@code enabled}: true or false. */
    @GET
    public JobPage list(
            @PathParam("app") String app,
            @QueryParam("name") String name,
            @QueryParam("enabled") String enabled,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return v1.listing().list(app, JobQuery.parse(new JobQuery.Text(name, enabled, limit, cursor)));
    }

    /** Pauses, resumes or deletes many jobs, all or none. */
    @POST
    @Path("bulk")
    public JobBulkAnswer bulk(@PathParam("app") String app, JobBulkRequest request) {
        return v1.bulk().apply(app, request);
    }

    @GET
    @Path("export")
    public JobExport export(@PathParam("app") String app) {
        return v1.export().export(app);
    }

    /** 201 when a job was created, else 200 (also when nothing changed). */
    @POST
    @Path("import")
    public Response importJobs(
            @PathParam("app") String app,
            @QueryParam("deleteMissing") @DefaultValue("false") String deleteMissing,
            JobExport document) {
        JobImportAnswer answer = v1.imports().importJobs(app, document, Check.bool("deleteMissing", deleteMissing));
        return Response.status(answer.created() > 0 ? 201 : 200).entity(answer).build();
    }
}
