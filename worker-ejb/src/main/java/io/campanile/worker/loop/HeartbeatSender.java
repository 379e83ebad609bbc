package io.campanile.worker.loop;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.run.RunWatch;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends one heartbeat to the current owner, with this worker's health and the processor names it can run. An
 * owner that does not answer in time is handed to the {@link SilentOwnerWatch}; one that refuses (409: not the
 * owner, 503: leaving) makes the worker discover again at once.
 */
public final class HeartbeatSender {

    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class.getName());

    private final String workerId;
    private final ServerApi api;
    private final CurrentOwner owner;
    private final Discovery discovery;
    private final SilentOwnerWatch watch;
    private final EpochGuard epochs;
    private final RunDispatcher runs;
    private final HealthProbe probe;
    private final List<String> processors;
    private final RunWatch running;

    /** A sender whose heartbeats name no running attempts (so the owner stops none). */
    public HeartbeatSender(
            String workerId,
            ServerApi api,
            CurrentOwner owner,
            Discovery discovery,
            SilentOwnerWatch watch,
            EpochGuard epochs,
            RunDispatcher runs,
            HealthProbe probe,
            List<String> processors) {
        this(workerId, api, owner, discovery, watch, epochs, runs, probe, processors, null);
    }

    /** @param running the attempts on run threads, named in each heartbeat; those the owner says to stop are stopped */
    public HeartbeatSender(
            String workerId,
            ServerApi api,
            CurrentOwner owner,
            Discovery discovery,
            SilentOwnerWatch watch,
            EpochGuard epochs,
            RunDispatcher runs,
            HealthProbe probe,
            List<String> processors,
            RunWatch running) {
        this.workerId = workerId;
        this.api = api;
        this.owner = owner;
        this.discovery = discovery;
        this.watch = watch;
        this.epochs = epochs;
        this.runs = runs;
        this.probe = probe;
        this.processors = processors == null ? null : List.copyOf(processors); // null: not named
        this.running = running;
    }

    /** The attempts on run threads and those claimed ahead of their time, waiting for it. */
    private List<Claim> runningNow() {
        List<Claim> now = new ArrayList<>(running.running());
        now.addAll(runs.deferred().claims());
        return now;
    }

    /** Returns whether the owner accepted the heartbeat. */
    public boolean beat() {
        Optional<Owner> current = owner.get();
        if (current.isEmpty()) {
            return false;
        }
        try {
            WorkerHeartbeat heartbeat = probe.sample(
                    workerId,
                    runs.active(),
                    runs.capacity(),
                    epochs.newest(),
                    processors,
                    running == null ? null : runningNow());
            long sent = System.nanoTime();
            HeartbeatAnswer answer = api.heartbeat(current.get().url(), heartbeat);
            runs.ownerClock().sync(answer.serverId(), answer.serverTime(), sent, System.nanoTime());
            epochs.observe(answer.epoch());
            if (running != null && !answer.stop().isEmpty()) {
                // held ones first: one that starts meanwhile is then on a run thread, where the watch stops it
                runs.deferred().drop(answer.stop());
                running.stop(answer.stop());
            }
            watch.answered(current.get());
            return true;
        } catch (ServerCallException e) {
            if (e.status() == 0) {
                // frozen, gone, or cut off from us: other servers can tell whether it still owns the app;
                // unless discovery named a newer owner while this heartbeat waited
                boolean superseded = owner.get()
                        .map(now -> now.epoch() > current.get().epoch())
                        .orElse(false);
                if (!superseded) {
                    watch.suspect(current.get());
                }
                return false;
            }
            LOG.info(
                    () -> "Heartbeat to " + current.get().serverId() + " failed, discovering again: " + e.getMessage());
            owner.forget(current.get());
            discovery.discover();
            return false;
        }
    }
}
