package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ClusterView;
import io.campanile.scheduler.application.ClusterOverview;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cluster view of the admin API: {@code .../cluster}. (Named apart from {@link ClusterResource}, the
 * server-to-server endpoints.)
 */
@Produces(MediaType.APPLICATION_JSON)
public class ClusterViewResource {

    private final ClusterOverview cluster;

    ClusterViewResource(ClusterOverview cluster) {
        this.cluster = cluster;
    }

    @GET
    public ClusterView view() {
        return cluster.view();
    }
}
