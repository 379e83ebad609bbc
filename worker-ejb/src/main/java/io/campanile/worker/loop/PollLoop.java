package io.campanile.worker.loop;

import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.run.ClaimStep;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one long-poll outstanding at the owner whenever the worker may take work ({@link RunDispatcher#free()}:
 * a run slot is free and outcomes are being delivered). The attempts of an answer are claimed ({@link ClaimStep})
 * before any runs, and the next poll waits until that claim is settled. The poll says the worker starts work on
 * time: an attempt handed out ahead of its due time is claimed at once and started when it is due. When the poll fails, or the
 * server answers 409 (not the owner) or 503 (shutting down), it rediscovers at once and polls again; only
 * repeated failures and failed discovery rounds pause briefly, so a failover takes well under a second
 * once any server names the new owner.
 *
 * <p>A poll held at a frozen owner, or at one whose host vanished, would hang until its read timeout: when
 * discovery names a newer epoch than the one the poll was sent under ({@link #ownerNamed}), the poll is
 * abandoned at once (by interrupting the poll thread, which only happens while the poll is in flight) and
 * the loop goes to the new owner.
 */
public final class PollLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(PollLoop.class.getName());
    private static final Duration CAPACITY_WAIT = Duration.ofMillis(500);
    /** The most a poll may ask for (the server's limit): a capacity and a prefetch may add up to more. */
    static final int MAX_ASKED = PollRequest.MAX_CAPACITY;

    private final String workerId;
    private final ServerApi api;
    private final CurrentOwner owner;
    private final Discovery discovery;
    private final EpochGuard epochs;
    private final RunDispatcher runs;
    private final ClaimStep claims;
    private final Duration retryPause;
    private volatile boolean running = true;
    private int failuresInARow;
    /** Guards the poll in flight: set, abandoned and cleared under this lock. */
    private final Object slot = new Object();

    private Owner inFlight;
    private Thread pollThread;
    private boolean abandoned;

    public PollLoop(
            String workerId,
            ServerApi api,
            CurrentOwner owner,
            Discovery discovery,
            EpochGuard epochs,
            RunDispatcher runs,
            ClaimStep claims,
            Duration retryPause) {
        this.workerId = workerId;
        this.api = api;
        this.owner = owner;
        this.discovery = discovery;
        this.epochs = epochs;
        this.runs = runs;
        this.claims = claims;
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

    /**
     * Ends the loop: a pause, capacity wait or claim in progress ends at once (the caller aborts the poll itself).
     */
    public void stop() {
        running = false;
        claims.stop();
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
        if (!startPoll(current.get())) {
            return; // discovery named a newer owner meanwhile
        }
        PollAnswer answer;
        try {
            answer = api.poll(
                    current.get().url(),
                    new PollRequest(workerId, Math.min(free, MAX_ASKED), epochs.newest(), Boolean.TRUE));
        } catch (ServerCallException e) {
            if (!endPoll() && running) {
                failed(current.get(), e);
            }
            return; // an abandoned poll failed nothing: the next step polls the newer owner
        } catch (RuntimeException e) {
            endPoll();
            throw e;
        }
        long arrived = System.nanoTime(); // work handed out ahead starts a given time after this
        endPoll();
        failuresInARow = 0;
        epochs.observe(answer.epoch());
        claims.claim(answer).forEach(a -> runs.start(a, arrived));
    }

    private void failed(Owner polled, ServerCallException e) {
        failuresInARow++;
        LOG.log(
                failuresInARow == 1 ? Level.INFO : Level.FINE,
                () -> "Poll at " + polled.serverId() + " failed, discovering again: " + e.getMessage());
        owner.forget(polled);
        if (failuresInARow > 1) {
            pause();
        }
        discovery.discover();
    }

    /**
     * Discovery named {@code named}: if that is a newer epoch than the poll in flight was sent under, the
     * poll's server no longer owns the app (it may be frozen, or gone without closing the connection), so
     * the poll is abandoned rather than left to hang.
     */
    public void ownerNamed(Owner named) {
        synchronized (slot) {
            if (inFlight != null && !abandoned && named.epoch() > inFlight.epoch()) {
                Owner stale = inFlight;
                LOG.info(() -> "Abandoning the poll at " + stale.serverId() + " (epoch " + stale.epoch() + "): "
                        + named.serverId() + " owns the app at epoch " + named.epoch());
                abandoned = true;
                pollThread.interrupt();
            }
        }
    }

    private boolean startPoll(Owner target) {
        synchronized (slot) {
            Optional<Owner> now = owner.get();
            if (now.isPresent() && now.get().epoch() > target.epoch()) {
                return false;
            }
            inFlight = target;
            pollThread = Thread.currentThread();
            abandoned = false;
            return true;
        }
    }

    /** Returns whether the poll was abandoned; clears the interrupt that abandoned it. */
    private boolean endPoll() {
        synchronized (slot) {
            boolean wasAbandoned = abandoned;
            if (wasAbandoned) {
                Thread.interrupted();
            }
            inFlight = null;
            pollThread = null;
            abandoned = false;
            return wasAbandoned;
        }
    }

    private void pause() {
        Duration wait = discovery.holdOff();
        long until = System.nanoTime() + (wait.compareTo(retryPause) > 0 ? wait : retryPause).toNanos();
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
