package io.campanile.scheduler.domain.election;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Handoff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Peers reached in memory: a PING to a URL is answered by the election of the server connected at
 * that URL, or not at all (unreachable) when none is connected there.
 */
final class FakePeers implements Peers {

    private final Map<String, Election> byUrl = new HashMap<>();
    final List<String> pinged = new ArrayList<>();
    /** Runs while a PING to an unreachable peer waits for its time-out. */
    Runnable duringUnansweredPing = () -> {};

    void connect(String url, Election election) {
        byUrl.put(url, election);
    }

    void disconnect(String url) {
        byUrl.remove(url);
    }

    @Override
    public Optional<PingAnswer> ping(String peerUrl, String appName) {
        pinged.add(peerUrl + " " + appName);
        Election peer = byUrl.get(peerUrl);
        if (peer == null) {
            duringUnansweredPing.run();
        }
        return Optional.ofNullable(peer).map(e -> e.answerPing(appName));
    }

    @Override
    public List<String> handOff(String peerUrl, Handoff handoff) {
        throw new UnsupportedOperationException("the election never hands off by itself");
    }

    @Override
    public Optional<InstanceView> forwardRun(String ownerUrl, String appName, long jobId, RunRequest request) {
        throw new UnsupportedOperationException("the election never forwards runs");
    }

    @Override
    public Optional<RunBatchAnswer> forwardRunBatch(String ownerUrl, String appName, long jobId, RunBatch batch) {
        throw new UnsupportedOperationException("the election never forwards runs");
    }

    @Override
    public Optional<List<io.campanile.api.admin.WorkerView>> listWorkers(String ownerUrl, String appName) {
        throw new UnsupportedOperationException("the election never asks for workers");
    }
}
