package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Liveness of this server, without credentials: who it is and where it is reached. */
@Path("health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ServerIdentity me;

    @GET
    public Map<String, String> health() {
        return Map.of("serverId", me.id(), "url", me.url(), "status", "UP");
    }
}
