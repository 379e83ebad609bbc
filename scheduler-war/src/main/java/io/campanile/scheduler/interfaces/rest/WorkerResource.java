package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.Headers;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.scheduler.application.ClaimWork;
import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DispatchWork;
import io.campanile.scheduler.application.HandedOut;
import io.campanile.scheduler.application.InputLimits;
import io.campanile.scheduler.application.RecordOutcomes;
import io.campanile.scheduler.application.RequestRejected;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.StopSignals;
import io.campanile.scheduler.application.StoreRunLogs;
import io.campanile.scheduler.application.WaitingPolls;
import io.campanile.scheduler.application.WorkerRegistry;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker protocol: discovery, heartbeat, long-poll for work, claims, outcome reports, run logs. */
@Path("worker")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    @Inject
    StoreRunLogs runLogs;

    @Inject
    Election election;

    @Inject
    HeldApps held;

    @Inject
    ServerIdentity me;

    @Inject
    WorkerRegistry workers;

    @Inject
    StopSignals stops;

    @Inject
    WaitingPolls polls;

    @Inject
    DispatchWork dispatch;

    @Inject
    ClaimWork claims;

    @Inject
    RecordOutcomes outcomes;

    @Inject
    HandedOut handedOut;

    @Inject
    SchedulerSettings settings;

    @Inject
    DatabaseClock clock;

    @GET
    @Path("discovery")
    public DiscoveryAnswer discover(@HeaderParam(Headers.APP) String app) {
        Ownership owner =
                election.ownerOf(app).orElseThrow(() -> RequestRejected.notFound("no app named '" + app + "'"));
        return new DiscoveryAnswer(app, owner.ownerId(), owner.ownerUrl(), owner.epoch());
    }

    @POST
    @Path("heartbeat")
    public HeartbeatAnswer heartbeat(@HeaderParam(Headers.APP) String app, WorkerHeartbeat heartbeat) {
        InputLimits.heartbeat(heartbeat);
        long epoch = currentEpoch(app);
        workers.record(app, heartbeat);
        List<Refusal> stop = stops.toStop(app, heartbeat.workerId(), heartbeat.running());
        return new HeartbeatAnswer(me.id(), epoch, stop, clock.instant());
    }

    @POST
    @Path("poll")
    public void poll(@HeaderParam(Headers.APP) String app, PollRequest request, @Suspended AsyncResponse async) {
        try {
            InputLimits.poll(request);
            long epoch = currentEpoch(app);
            workers.seen(app, request.workerId());
            // the worker polls only once every claim of its previous answer was answered
            handedOut.releaseWorker(app, request.workerId());
            WaitingPolls.Poll poll = new WaitingPolls.Poll(app, request, new AsyncAnswerer(async));
            async.setTimeout(settings.pollHoldSeconds(), TimeUnit.SECONDS);
            async.setTimeoutHandler(r -> {
                if (polls.remove(poll)) {
                    r.resume(new PollAnswer(me.id(), held.epochOf(app).orElse(epoch), List.of()));
                }
            });
            polls.add(poll).forEach(old -> old.answer().deliver(new PollAnswer(me.id(), epoch, List.of())));
            dispatch.dispatch(app);
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    /** Any server records claims: the database decides, under the epoch the claim names. */
    @POST
    @Path("claims")
    public ClaimAnswer claim(@HeaderParam(Headers.APP) String app, ClaimRequest request) {
        InputLimits.claims(request);
        workers.seen(app, request.workerId());
        return claims.claim(app, request);
    }

    /** Any server records outcomes. */
    @POST
    @Path("reports")
    public ReportAnswer report(@HeaderParam(Headers.APP) String app, ReportBatch batch) {
        InputLimits.outcomes(batch);
        workers.seen(app, batch.workerId());
        return outcomes.record(app, batch);
    }

    /** Any server stores run log lines. */
    @POST
    @Path("logs")
    public LogAnswer logs(@HeaderParam(Headers.APP) String app, LogBatch batch) {
        InputLimits.logs(batch);
        return runLogs.store(app, batch);
    }

    private long currentEpoch(String app) {
        return held.epochOf(app)
                .orElseThrow(() -> RequestRejected.conflict(
                        "this server (" + me.id() + ") does not own app " + app + "; discover the owner again"));
    }
}
