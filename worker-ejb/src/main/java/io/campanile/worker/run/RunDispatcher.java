package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Starts claimed assignments on the run executor and decides how much new work the worker may ask for. A run
 * slot is busy from {@link #start} until the run's outcome is queued. New work is asked for only while fewer
 * outcomes than the capacity wait for delivery ({@code undelivered}): a poll asks for at most the free slots,
 * so at most {@code capacity - 1} outcomes wait when it is sent, and the runs in progress then plus those of its
 * answer add at most {@code capacity} more: the outcome queue never holds more than {@code 2 * capacity - 1}
 * outcomes, and while no server takes reports the worker takes no new work.
 */
public final class RunDispatcher {

    private final int capacity;
    private final AssignmentRunner runner;
    private final Executor executor;
    private final IntSupplier undelivered;
    private int active;

    public RunDispatcher(int capacity, AssignmentRunner runner, Executor executor, IntSupplier undelivered) {
        this.capacity = capacity;
        this.runner = runner;
        this.executor = executor;
        this.undelivered = undelivered;
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

    /** How many new assignments the worker may ask for now: none while outcomes wait beyond the capacity. */
    public synchronized int free() {
        if (undelivered.getAsInt() >= capacity) {
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
