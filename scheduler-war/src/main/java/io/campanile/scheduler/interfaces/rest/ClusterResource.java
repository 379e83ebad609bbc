package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.WorkerView;
import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.HandoffAnswer;
import io.campanile.api.protocol.PingAnswer;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.CreateRun;
import io.campanile.scheduler.application.InputLimits;
import io.campanile.scheduler.application.ListWorkers;
import io.campanile.scheduler.application.RunJobs;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What servers ask each other: PING, hand-off of a leaving server's apps, forwarded runs, an app's workers. */
@Path("cluster")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    Election election;

    @Inject
    ServerIdentity me;

    @Inject
    ServerRegistry registry;

    @Inject
    RunJobs runs;

    @Inject
    ListWorkers workers;

    @GET
    @Path("ping")
    public PingAnswer ping(@QueryParam("app") String app) {
        Check.appName("app", app);
        Peers.PingAnswer answer = election.answerPing(app);
        return new PingAnswer(answer.serverId(), app, answer.owner(), answer.epoch());
    }

    @POST
    @Path("handoff")
    public HandoffAnswer handoff(Handoff handoff) {
        InputLimits.handoff(handoff, me.id());
        List<String> taken = election.acceptHandoff(handoff);
        registry.remove(handoff.leavingServerId());
        return new HandoffAnswer(me.id(), taken);
    }

    @POST
    @Path("apps/{app}/jobs/{jobId}/run")
    // the body is optional: a POST without one (and so without a media type) runs the job now
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response run(@PathParam("app") String app, @PathParam("jobId") String jobId, RunRequest request) {
        CreateRun.Created created = runs.runForwarded(app, InputLimits.jobId(jobId), request);
        return Response.status(created.isNew() ? 201 : 200)
                .entity(created.instance())
                .build();
    }

    @GET
    @Path("apps/{app}/workers")
    public List<WorkerView> workers(@PathParam("app") String app) {
        Check.appName("app", app);
        return workers.listForwarded(app);
    }

    @POST
    @Path("apps/{app}/jobs/{jobId}/runs")
    public RunBatchAnswer runBatch(@PathParam("app") String app, @PathParam("jobId") String jobId, RunBatch batch) {
        return runs.runBatchForwarded(app, InputLimits.jobId(jobId), batch);
    }
}
