package io.campanile.worker.loop;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one long-poll outstanding at the owner whenever a run slot is free. When the poll fails, or the
 * server answers 409 (not the owner) or 503 (shutting down), it rediscovers at once and polls again; only
 * repeated failures and failed discovery rounds pause briefly, so a failover takes well under a second
 * once any server names the new owner.
 */
public final class PollLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(PollLoop.class.getName());
    private static final Duration CAPACITY_WAIT = Duration.ofMillis(500);

    private final String workerId;
    private final ServerApi api;
    private final CurrentOwner owner;
    private final Discovery discovery;
    private final EpochGuard epochs;
    private final RunDispatcher runs;
    private final Duration retryPause;
    private volatile boolean running = true;
    private int failuresInARow;

    public PollLoop(
            String workerId,
            ServerApi api,
            CurrentOwner owner,
            Discovery discovery,
            EpochGuard epochs,
            RunDispatcher runs,
            Duration retryPause) {
        this.workerId = workerId;
        this.api = api;
        this.owner = owner;
        this.discovery = discovery;
        this.epochs = epochs;
        this.runs = runs;
        this.retryPause = retryPause;
    }

    @Override
    public void run() {
        LOG.fine("Poll loop started");
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Unexpected failure in the poll loop; continuing", e);
                pause();
            }
        }
        LOG.fine("Poll loop stopped");
    }

    /** Ends the loop: a pause or capacity wait in progress ends at once (the caller aborts the poll itself). */
    public void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        runs.wakeUp();
    }

    private void step() throws InterruptedException {
        Optional<Owner> current = owner.get();
        if (current.isEmpty()) {
            if (discovery.discover().isEmpty()) {
                pause();
            }
            return;
        }
        int free = runs.free();
        if (free == 0) {
            runs.awaitFree(CAPACITY_WAIT);
            return;
        }
        try {
            PollAnswer answer = api.poll(current.get().url(), new PollRequest(workerId, free, epochs.newest()));
            failuresInARow = 0;
            epochs.observe(answer.epoch());
            if (answer.assignments() != null) {
                for (Assignment assignment : answer.assignments()) {
                    runs.accept(assignment);
                }
            }
        } catch (ServerCallException e) {
            if (!running) {
                return;
            }
            failuresInARow++;
            LOG.log(
                    failuresInARow == 1 ? Level.INFO : Level.FINE,
                    () -> "Poll at " + current.get().serverId() + " failed, discovering again: " + e.getMessage());
            owner.forget(current.get());
            if (failuresInARow > 1) {
                pause();
            }
            discovery.discover();
        }
    }

    private void pause() {
        long until = System.nanoTime() + retryPause.toNanos();
        synchronized (this) {
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
