package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.SecretRotation;
import io.campanile.api.admin.SecretRotationAnswer;
import io.campanile.api.admin.ServerView;
import io.campanile.scheduler.application.ChangeJobsInBulk;
import io.campanile.scheduler.application.ExportJobs;
import io.campanile.scheduler.application.ImportJobs;
import io.campanile.scheduler.application.ListApps;
import io.campanile.scheduler.application.ListAudit;
import io.campanile.scheduler.application.ListInstances;
import io.campanile.scheduler.application.ListJobs;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.application.ManageTokens;
import io.campanile.scheduler.application.RotateAppSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The admin API, version 1: {@code /api/v1}. The handlers of {@code /api/admin}, with lists that can grow paged and
 * filtered, the servers on their own, API tokens and the audit log.
 */
@Path("v1")
@ApplicationScoped
public class AdminV1Resource extends AdminRoutes {

    @Inject
    ListJobs jobListing;

    @Inject
    ListInstances instanceListing;

    @Inject
    ManageTokens tokens;

    @Inject
    ListAudit audit;

    @Inject
    ChangeJobsInBulk bulk;

    @Inject
    ExportJobs exports;

    @Inject
    ImportJobs imports;

    @Inject
    RotateAppSecret rotations;

    @Inject
    ListApps appListing;

    @Override
    V1AppsResource appsOf(ManageApps apps) {
        return new V1AppsResource(apps, appListing);
    }

    @Override
    V1JobsResource jobsOf(JobsResource.Services services) {
        return new V1JobsResource(services, new V1JobsResource.V1Services(jobListing, bulk, exports, imports));
    }

    @Override
    V1InstancesResource instancesOf(InstancesResource.Services services) {
        return new V1InstancesResource(services, instanceListing);
    }

    /** Gives an app a new secret; the one it replaces stays valid for the grace asked for. */
    @POST
    @Path("apps/{app}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SecretRotationAnswer rotateSecret(@PathParam("app") String app, SecretRotation rotation) {
        return rotations.rotate(app, rotation);
    }

    /** The scheduler servers of the cluster, as in the cluster view. */
    @GET
    @Path("servers")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ServerView> servers() {
        return cluster.view().servers();
    }

    /** API tokens (admins only). */
    @Path("tokens")
    public TokensResource tokens() {
        return new TokensResource(tokens);
    }

    /** The audit log (admins only). */
    @Path("audit")
    public AuditResource audit() {
        return new AuditResource(audit);
    }
}
