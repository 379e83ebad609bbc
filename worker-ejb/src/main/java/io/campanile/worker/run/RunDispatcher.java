package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import io.campanile.worker.discovery.EpochGuard;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Takes assignments from poll answers: rejects those from an older epoch, ignores repeated deliveries,
 * and hands the rest to the run executor while counting active runs against the capacity.
 */
public final class RunDispatcher {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class.getName());

    private final String app;
    private final int capacity;
    private final EpochGuard epochs;
    private final DeliveryLedger ledger;
    private final AssignmentRunner runner;
    private final Executor executor;
    private int active;

    public RunDispatcher(
            String app,
            int capacity,
            EpochGuard epochs,
            DeliveryLedger ledger,
            AssignmentRunner runner,
            Executor executor) {
        this.app = app;
        this.capacity = capacity;
        this.epochs = epochs;
        this.ledger = ledger;
        this.runner = runner;
        this.executor = executor;
    }

    /** Starts the assignment if it may run; returns whether it was started. */
    public boolean accept(Assignment assignment) {
        long newest = epochs.newest();
        if (!epochs.admits(assignment.epoch())) {
            LOG.warning(() -> "Rejected instance " + assignment.instanceId() + " attempt " + assignment.attempt()
                    + " of app " + app + ": dispatched under epoch " + assignment.epoch()
                    + ", older than the newest epoch seen " + newest);
            return false;
        }
        if (!ledger.firstDelivery(assignment.instanceId(), assignment.attempt())) {
            LOG.info(() -> "Ignored repeated delivery of instance " + assignment.instanceId() + " attempt "
                    + assignment.attempt());
            return false;
        }
        synchronized (this) {
            active++;
        }
        try {
            executor.execute(() -> {
                try {
                    runner.run(assignment);
                } finally {
                    finished();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            finished();
            runner.refuse(assignment, "worker is shutting down; not run");
            return false;
        }
    }

    public synchronized int active() {
        return active;
    }

    public synchronized int free() {
        return Math.max(0, capacity - active);
    }

    public int capacity() {
        return capacity;
    }

    /** Waits until a run slot is free or {@code max} has passed; returns whether one is free. */
    public synchronized boolean awaitFree(Duration max) throws InterruptedException {
        return awaitUntil(max, () -> active < capacity);
    }

    /** Waits until no run is active or {@code max} has passed; returns whether none is. */
    public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        return awaitUntil(max, () -> active == 0);
    }

    /** Wakes threads waiting in {@link #awaitFree}, for example when the worker stops. */
    public synchronized void wakeUp() {
        notifyAll();
    }

    private boolean awaitUntil(Duration max, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void finished() {
        active--;
        notifyAll();
    }
}
