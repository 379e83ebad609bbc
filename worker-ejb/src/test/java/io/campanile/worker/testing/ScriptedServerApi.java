package io.campanile.worker.testing;

import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.StatusReport;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory {@link ServerApi}: each server is up (answers as scripted) or down (no answer), and every
 * call is recorded. Polls answer at once with no work, except at a server scripted to hang them (a frozen
 * owner), where they block until the polling thread is interrupted, as the JAX-RS implementation does.
 */
public final class ScriptedServerApi implements ServerApi {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<StatusReport> reports = new CopyOnWriteArrayList<>();
    public final List<WorkerHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final Map<URI, Integer> failures = new ConcurrentHashMap<>();
    private final Set<URI> hanging = ConcurrentHashMap.newKeySet();
    private volatile DiscoveryAnswer ownerAnswer;

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

    /** Polls at server {@code n} never answer: they block until the polling thread is interrupted. */
    public ScriptedServerApi hangingPolls(int n) {
        hanging.add(server(n));
        return this;
    }

    private void call(String what, URI server) {
        calls.add(what + " " + server.getHost());
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

    @Override
    public HeartbeatAnswer heartbeat(URI server, WorkerHeartbeat heartbeat) {
        call("heartbeat", server);
        heartbeats.add(heartbeat);
        return new HeartbeatAnswer(server.getHost(), ownerAnswer.epoch());
    }

    @Override
    public PollAnswer poll(URI server, PollRequest request) {
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
        return new PollAnswer(server.getHost(), ownerAnswer.epoch(), List.of());
    }

    @Override
    public void report(URI server, StatusReport report) {
        call("report", server);
        reports.add(report);
    }

    @Override
    public void abortPolls() {}

    @Override
    public void close() {}
}
