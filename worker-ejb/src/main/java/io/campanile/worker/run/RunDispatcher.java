package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Starts claimed assignments on the run executor and decides how much new work the worker may ask for. A run
 * slot is busy from {@link #start} until the run's outcome is queued (on its way to a server). New work is asked
 * for only while fewer outcomes wait for delivery ({@code undelivered}) than a limit: the capacity while reports
 * cannot be delivered ({@code reportsFlowing} false: the last batch found no server), so the worker takes no new
 * work then; the capacity plus {@link #FLOWING_ALLOWANCE} (one batch) while they are delivered, so that a worker
 * of small capacity does not wait for a report round trip after every run. A poll asks for at most the free
 * slots, and its answer adds at most {@code capacity} outcomes: the queue never holds more than {@code 2 *
 * capacity - 1 + FLOWING_ALLOWANCE} outcomes, and never more than {@code 2 * capacity - 1} are added once
 * reports fail.
 */
public final class RunDispatcher {

    private final int capacity;
    private final AssignmentRunner runner;
    private final Executor executor;
    /** How many outcomes beyond the capacity may wait while reports are being delivered: one batch. */
    public static final int FLOWING_ALLOWANCE = 1000;

    private final IntSupplier undelivered;
    private final BooleanSupplier reportsFlowing;
    private int active;

    /** Strict: no new work while {@code capacity} outcomes wait, whether or not reports are delivered. */
    public RunDispatcher(int capacity, AssignmentRunner runner, Executor executor, IntSupplier undelivered) {
        this(capacity, runner, executor, undelivered, () -> false);
    }

    public RunDispatcher(
            int capacity,
            AssignmentRunner runner,
            Executor executor,
            IntSupplier undelivered,
            BooleanSupplier reportsFlowing) {
        this.capacity = capacity;
        this.runner = runner;
        this.executor = executor;
        this.undelivered = undelivered;
        this.reportsFlowing = reportsFlowing;
    }

    /** Runs a claimed assignment; if the executor no longer takes work, reports it failed at once. */
    public void start(Assignment assignment) {
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
        } catch (RejectedExecutionException e) {
            try {
                runner.refuse(assignment, "worker is shutting down; not run");
            } finally {
                finished();
            }
        }
    }

    public synchronized int active() {
        return active;
    }

    /** How many new assignments the worker may ask for now: none while too many outcomes wait (see above). */
    public synchronized int free() {
        int limit = reportsFlowing.getAsBoolean() ? capacity + FLOWING_ALLOWANCE : capacity;
        if (undelivered.getAsInt() >= limit) {
            return 0;
        }
        return Math.max(0, capacity - active);
    }

    public int capacity() {
        return capacity;
    }

    /** Waits until {@link #free()} is positive or {@code max} has passed; returns whether it is. */
    public synchronized boolean awaitFree(Duration max) throws InterruptedException {
        return awaitUntil(max, () -> free() > 0);
    }

    /** Waits until no run is active or {@code max} has passed; returns whether none is. */
    public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        return awaitUntil(max, () -> active == 0);
    }

    /** Wakes threads waiting in {@link #awaitFree}: outcomes were delivered, or the worker stops. */
    public synchronized void wakeUp() {
        notifyAll();
    }

    private boolean awaitUntil(Duration max, BooleanSupplier condition) throws InterruptedException {
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
