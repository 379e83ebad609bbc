package io.campanile.worker.testing;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link ServerApi}: each server is up (answers as scripted) or down (no answer), and every
 * call is recorded. Polls answer at once with the work scripted for the next poll (none by default), except at
 * a server scripted to hang them (a frozen owner), where they block until the polling thread is interrupted, as
 * the JAX-RS implementation does. Claims are claimed and outcomes recorded, except those of instances scripted
 * to be refused.
 */
public final class ScriptedServerApi implements ServerApi {

    /** Every poll request, in order. */
    public final List<PollRequest> pollRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<ClaimRequest> claims = new CopyOnWriteArrayList<>();
    public final List<ReportBatch> reports = new CopyOnWriteArrayList<>();
    public final List<WorkerHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final Map<URI, Integer> failures = new ConcurrentHashMap<>();
    private final Set<URI> hanging = ConcurrentHashMap.newKeySet();
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final Set<Long> malformed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger claimFailures = new AtomicInteger();
    private final Queue<List<Assignment>> work = new ConcurrentLinkedQueue<>();
    private volatile DiscoveryAnswer ownerAnswer;
    private volatile Runnable duringHeartbeat = () -> {};

    public static URI server(int n) {
        return URI.create("http://server-" + n + ".test/campanile");
    }

    /** Discovery answers, from any server that is up, name this owner. */
    public ScriptedServerApi owner(int n, long epoch) {
        ownerAnswer = new DiscoveryAnswer("app", "server-" + n, server(n).toString(), epoch);
        return this;
    }

    /** Every call to server {@code n} fails with {@code status} (0: no answer). */
    public ScriptedServerApi failing(int n, int status) {
        failures.put(server(n), status);
        return this;
    }

    public ScriptedServerApi up(int n) {
        failures.remove(server(n));
        hanging.remove(server(n));
        return this;
    }

    /** Runs {@code meanwhile} while the next heartbeat waits for its answer, before it fails or is answered. */
    public ScriptedServerApi whileNextHeartbeatWaits(Runnable meanwhile) {
        duringHeartbeat = meanwhile;
        return this;
    }

    /** The next poll answers with these assignments (each later call scripts one more poll). */
    public ScriptedServerApi nextPollHandsOut(Assignment... assignments) {
        work.add(List.of(assignments));
        return this;
    }

    /** The next {@code times} claim calls, at any server, get no answer. */
    public ScriptedServerApi claimsUnanswered(int times) {
        claimFailures.set(times);
        return this;
    }

    /** A report batch holding an outcome of this instance is rejected as a bad request (400). */
    public ScriptedServerApi rejectingReportsOf(long instanceId) {
        malformed.add(instanceId);
        return this;
    }

    /** Claims and outcomes of this instance are refused. */
    public ScriptedServerApi refusing(long instanceId) {
        refused.add(instanceId);
        return this;
    }

    /** Claims and outcomes of this instance are no longer refused. */
    public ScriptedServerApi accepting(long instanceId) {
        refused.remove(instanceId);
        return this;
    }

    /** Polls at server {@code n} never answer: they block until the polling thread is interrupted. */
    public ScriptedServerApi hangingPolls(int n) {
        hanging.add(server(n));
        return this;
    }

    private void call(String what, URI server) {
        calls.add(what + " " + server.getHost());
        failIfScripted(server);
    }

    private void failIfScripted(URI server) {
        Integer status = failures.get(server);
        if (status != null) {
            throw new ServerCallException(server, status, status == 0 ? "down" : "scripted failure", null);
        }
    }

    @Override
    public DiscoveryAnswer discover(URI server) {
        call("discover", server);
        return ownerAnswer;
    }

    /** What heartbeat answers tell the worker to stop. */
    public volatile List<io.campanile.api.protocol.Refusal> stops = List.of();

    /** The owner's time heartbeat answers carry; null: none, as from an older server. */
    public volatile java.time.Instant serverTime;

    @Override
    public HeartbeatAnswer heartbeat(URI server, WorkerHeartbeat heartbeat) {
        calls.add("heartbeat " + server.getHost());
        heartbeats.add(heartbeat);
        Runnable meanwhile = duringHeartbeat;
        duringHeartbeat = () -> {};
        meanwhile.run();
        failIfScripted(server);
        return new HeartbeatAnswer(server.getHost(), ownerAnswer.epoch(), stops, serverTime);
    }

    @Override
    public PollAnswer poll(URI server, PollRequest request) {
        pollRequests.add(request);
        call("poll", server);
        if (hanging.contains(server)) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                calls.add("poll abandoned " + server.getHost());
                throw new ServerCallException(server, 0, "interrupted while polling", e);
            }
        }
        List<Assignment> next = work.poll();
        return new PollAnswer(server.getHost(), ownerAnswer.epoch(), next == null ? List.of() : next);
    }

    @Override
    public ClaimAnswer claim(URI server, ClaimRequest request) {
        call("claim", server);
        claims.add(request);
        if (claimFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ServerCallException(server, 0, "scripted time-out", null);
        }
        List<Claim> claimed = request.claims().stream()
                .filter(c -> !refused.contains(c.instanceId()))
                .toList();
        List<Refusal> refusals = request.claims().stream()
                .filter(c -> refused.contains(c.instanceId()))
                .map(c -> new Refusal(c.instanceId(), c.attempt(), "scripted refusal"))
                .toList();
        return new ClaimAnswer(claimed, refusals);
    }

    /** Run log lines sent, in order. */
    public final java.util.List<io.campanile.api.protocol.LogLine> logLines =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public io.campanile.api.protocol.LogAnswer logs(URI server, io.campanile.api.protocol.LogBatch batch) {
        call("logs", server);
        logLines.addAll(batch.lines());
        return new io.campanile.api.protocol.LogAnswer(batch.lines().size(), java.util.List.of());
    }

    @Override
    public ReportAnswer report(URI server, ReportBatch batch) {
        call("report", server);
        if (batch.outcomes().stream().anyMatch(o -> malformed.contains(o.instanceId()))) {
            throw new ServerCallException(server, 400, "scripted bad request", null);
        }
        reports.add(batch);
        List<Refusal> refusals = batch.outcomes().stream()
                .filter(o -> refused.contains(o.instanceId()))
                .map(o -> new Refusal(o.instanceId(), o.attempt(), "scripted refusal"))
                .toList();
        return new ReportAnswer(batch.outcomes().size() - refusals.size(), refusals);
    }

    /** Every outcome reported, in the order the server received them. */
    public List<Outcome> outcomes() {
        return reports.stream().flatMap(b -> b.outcomes().stream()).toList();
    }

    @Override
    public void abortPolls() {}

    @Override
    public void close() {}
}
