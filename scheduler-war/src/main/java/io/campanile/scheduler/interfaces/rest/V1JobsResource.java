package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.JobPage;
import io.campanile.scheduler.application.JobQuery;
import io.campanile.scheduler.application.ListJobs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** v1's jobs of an app: those of {@link JobsResource}, listed page by page by name. */
public class V1JobsResource extends JobsResource {

    private final ListJobs listing;

    V1JobsResource(Services services, ListJobs listing) {
        super(services);
        this.listing = listing;
    }

    /** {@code name}: a prefix of the names; {@code enabled}: true or false. */
    @GET
    public JobPage list(
            @PathParam("app") String app,
            @QueryParam("name") String name,
            @QueryParam("enabled") String enabled,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return listing.list(app, JobQuery.parse(new JobQuery.Text(name, enabled, limit, cursor)));
    }
}
