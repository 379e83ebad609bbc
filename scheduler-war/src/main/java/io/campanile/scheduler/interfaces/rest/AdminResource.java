package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.ManageApps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * The admin API at its first, unversioned path {@code /api/admin}: deprecated in favour of {@code /api/v1}
 * ({@link AdminV1Resource}), and kept answering as it always did (the same handlers, with jobs listed all at once and
 * no instance list).
 */
@Path("admin")
@ApplicationScoped
public class AdminResource extends AdminRoutes {

    @Override
    LegacyAppsResource appsOf(ManageApps apps) {
        return new LegacyAppsResource(apps);
    }

    @Override
    LegacyJobsResource jobsOf(JobsResource.Services services) {
        return new LegacyJobsResource(services);
    }

    @Override
    InstancesResource instancesOf(InstancesResource.Services services) {
        return new InstancesResource(services);
    }
}
