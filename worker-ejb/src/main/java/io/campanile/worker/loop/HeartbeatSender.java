package io.campanile.worker.loop;

import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.util.Optional;
import java.util.logging.Logger;

/** Sends one heartbeat to the current owner; if the owner refuses (409) or does not answer, rediscovers at once. */
public final class HeartbeatSender {

    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class.getName());

    private final String workerId;
    private final ServerApi api;
    private final CurrentOwner owner;
    private final Discovery discovery;
    private final EpochGuard epochs;
    private final RunDispatcher runs;
    private final HealthProbe probe;

    public HeartbeatSender(
            String workerId,
            ServerApi api,
            CurrentOwner owner,
            Discovery discovery,
            EpochGuard epochs,
            RunDispatcher runs,
            HealthProbe probe) {
        this.workerId = workerId;
        this.api = api;
        this.owner = owner;
        this.discovery = discovery;
        this.epochs = epochs;
        this.runs = runs;
        this.probe = probe;
    }

    /** Returns whether the owner accepted the heartbeat. */
    public boolean beat() {
        Optional<Owner> current = owner.get();
        if (current.isEmpty()) {
            return false;
        }
        try {
            HeartbeatAnswer answer = api.heartbeat(
                    current.get().url(), probe.sample(workerId, runs.active(), runs.capacity(), epochs.newest()));
            epochs.observe(answer.epoch());
            return true;
        } catch (ServerCallException e) {
            LOG.info(
                    () -> "Heartbeat to " + current.get().serverId() + " failed, discovering again: " + e.getMessage());
            owner.forget(current.get());
            discovery.discover();
            return false;
        }
    }
}
