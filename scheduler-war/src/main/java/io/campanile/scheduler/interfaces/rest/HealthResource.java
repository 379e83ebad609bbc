package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.Readiness;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of this server, without credentials: who it is and where it is reached; liveness (it serves requests) and
 * readiness (its database answers, its schema is current and its loops run), for load balancers and orchestrators.
 */
@Path("health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ServerIdentity me;

    @Inject
    Readiness readiness;

    @GET
    public Map<String, String> health() {
        return Map.of("serverId", me.id(), "url", me.url(), "status", "UP");
    }

    /** Answered while the process serves requests: nothing is checked beyond that. */
    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("serverId", me.id(), "status", "UP");
    }

    /** 200 when every readiness check passes, else 503; the body names each check with UP or what is wrong. */
    @GET
    @Path("ready")
    public Response ready() {
        Readiness.Report report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverId", me.id());
        body.put("status", report.ready() ? "UP" : "DOWN");
        body.put("checks", report.checks());
        return Response.status(report.ready() ? 200 : 503).entity(body).build();
    }
}
