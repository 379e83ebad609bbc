package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.PauseRequest;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.SchedulePreview;
import io.campanile.scheduler.application.BackfillJobs;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.CreateRun;
import io.campanile.scheduler.application.EditJobs;
import io.campanile.scheduler.application.InputLimits;
import io.campanile.scheduler.application.JobRef;
import io.campanile.scheduler.application.ManageJobs;
import io.campanile.scheduler.application.RunJobs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An app's jobs, by id or by name, and their runs: {@code .../apps/{app}/jobs}. How the jobs are listed differs by
 * version ({@link LegacyJobsResource}, {@link V1JobsResource}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class JobsResource {

    /** The use cases behind the jobs endpoints. */
    record Services(ManageJobs jobs, EditJobs edits, RunJobs runs, BackfillJobs backfills) {}

    final ManageJobs jobs;
    private final EditJobs edits;
    private final RunJobs runs;
    private final BackfillJobs backfills;

    JobsResource(Services services) {
        this.jobs = services.jobs();
        this.edits = services.edits();
        this.runs = services.runs();
        this.backfills = services.backfills();
    }

    @POST
    public Response create(@PathParam("app") String app, JobDefinition definition) {
        JobView created = jobs.create(app, definition);
        return Response.status(201).entity(created).build();
    }

    /** The next fire times of a schedule, checked as a new job's would be; nothing is saved. */
    @POST
    @Path("preview")
    public SchedulePreview preview(
            @PathParam("app") String app,
            @QueryParam("count") @DefaultValue("10") String count,
            JobDefinition definition) {
        return jobs.preview(app, definition, (int) Check.wholeNumber("count", count, 1, 1000));
    }

    /** A job by id (deleted or not) or by name (live). */
    @GET
    @Path("{job}")
    public JobView job(@PathParam("app") String app, @PathParam("job") String job) {
        return edits.get(app, JobRef.parse(job));
    }

    /** Replaces a job's processor, parameters and schedule; If-Match: its revision, or 409. */
    @PUT
    @Path("{job}")
    public JobView update(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JobDefinition definition) {
        return edits.update(app, JobRef.parse(job), definition, InputLimits.expectedRevision(ifMatch));
    }

    /** The body (a note) is optional. */
    @POST
    @Path("{job}/pause")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView pause(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PauseRequest request) {
        return edits.pause(
                app, JobRef.parse(job), request == null ? null : request.note(), InputLimits.expectedRevision(ifMatch));
    }

    @POST
    @Path("{job}/resume")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView resume(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return edits.resume(app, JobRef.parse(job), InputLimits.expectedRevision(ifMatch));
    }

    /** The job stops firing and frees its name; it stays readable by id, with its instances. */
    @DELETE
    @Path("{job}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public JobView delete(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return edits.delete(app, JobRef.parse(job), InputLimits.expectedRevision(ifMatch));
    }

    /** The next fire times of a job. */
    @GET
    @Path("{job}/fires")
    public SchedulePreview fires(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @QueryParam("count") @DefaultValue("10") String count) {
        return jobs.fires(app, jobs.idOf(app, JobRef.parse(job)), (int) Check.wholeNumber("count", count, 1, 1000));
    }

    @POST
    @Path("{job}/run")
    // the body is optional: a POST without one (and so without a media type) runs the job now
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response run(@PathParam("app") String app, @PathParam("job") String job, RunRequest request) {
        CreateRun.Created created = runs.run(app, jobs.idOf(app, JobRef.parse(job)), request);
        return Response.status(created.isNew() ? 201 : 200)
                .entity(created.instance())
                .build();
    }

    /** Many runs in one request: 201 when any was created, 200 when every one existed already. */
    @POST
    @Path("{job}/runs")
    public Response runBatch(@PathParam("app") String app, @PathParam("job") String job, RunBatch batch) {
        RunBatchAnswer answer = runs.runBatch(app, jobs.idOf(app, JobRef.parse(job)), batch);
        return Response.status(answer.created() > 0 ? 201 : 200).entity(answer).build();
    }

    /** Runs the job for its fire times in a past range: 201 when any run was created, 200 when none was. */
    @POST
    @Path("{job}/backfill")
    public Response backfill(@PathParam("app") String app, @PathParam("job") String job, BackfillRequest request) {
        RunBatchAnswer answer = backfills.backfill(app, jobs.idOf(app, JobRef.parse(job)), request);
        return Response.status(answer.created() > 0 ? 201 : 200).entity(answer).build();
    }

    @GET
    @Path("{job}/instances")
    public List<InstanceView> instances(
            @PathParam("app") String app,
            @PathParam("job") String job,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        // taken as text: JAX-RS answers a parameter it cannot convert with 404, not with a 400 naming it
        return jobs.instances(app, jobs.idOf(app, JobRef.parse(job)), (int) Check.wholeNumber("limit", limit, 1, 1000));
    }
}
