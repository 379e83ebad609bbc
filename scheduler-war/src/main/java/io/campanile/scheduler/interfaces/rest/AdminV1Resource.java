package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ServerView;
import io.campanile.scheduler.application.ListAudit;
import io.campanile.scheduler.application.ListInstances;
import io.campanile.scheduler.application.ListJobs;
import io.campanile.scheduler.application.ManageTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

    @Override
    V1JobsResource jobsOf(JobsResource.Services services) {
        return new V1JobsResource(services, jobListing);
    }

    @Override
    V1InstancesResource instancesOf(InstancesResource.Services services) {
        return new V1InstancesResource(services, instanceListing);
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
