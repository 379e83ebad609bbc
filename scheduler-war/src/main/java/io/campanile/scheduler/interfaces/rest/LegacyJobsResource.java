package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.JobView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The jobs of {@code /api/admin}: listed all at once, as that API always did. */
public class LegacyJobsResource extends JobsResource {

    LegacyJobsResource(Services services) {
        super(services);
    }

    @GET
    public List<JobView> list(@PathParam("app") String app) {
        return jobs.list(app);
    }
}
