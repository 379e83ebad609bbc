package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Starts claimed assignments on the run executor and decides how much new work the worker may ask for. At most
 * {@code capacity} runs are on the executor at once; up to {@code prefetch} claimed runs more wait here, in the
 * order claimed, for a run thread, so that one poll and one claim carry more work than the threads free at that
 * moment (a round trip per {@code capacity} runs was most of a backlog's cost). A claimed run counts as active
 * from {@link #start} until its outcome is queued (on its way to a server).
 *
 * <p>New work is asked for only while fewer outcomes wait for delivery ({@code undelivered}) than a limit: the
 * capacity while reports cannot be delivered ({@code reportsFlowing} false: the last batch found no server), so
 * the worker takes no new work then; the capacity plus {@link #FLOWING_ALLOWANCE} (one batch) while they are
 * delivered, so that a worker of small capacity does not wait for a report round trip after every run. A poll
 * asks for at most {@code capacity + prefetch - active}, so the outcome queue never holds more than {@code 2 *
 * (capacity + prefetch) - 1 + FLOWING_ALLOWANCE} outcomes.
 */
public final class RunDispatcher {

    private final int capacity;
    private final int prefetch;
    private final AssignmentRunner runner;
    private final Executor executor;
    /** How many outcomes beyond the capacity may wait while reports are being delivered: one batch. */
    public static final int FLOWING_ALLOWANCE = 1000;

    private final IntSupplier undelivered;
    private final BooleanSupplier reportsFlowing;
    /** Claimed runs waiting for a run thread; guarded by {@code this}. */
    private final Deque<Assignment> waiting = new ArrayDeque<>();
    /** Runs handed to the executor and not finished; guarded by {@code this}. */
    private int onThreads;
    /** Claimed runs handed out ahead of their due time, waiting for it. */
    private final DeferredStarts deferred = new DeferredStarts(System::nanoTime);
    /** The owner's clock, read from heartbeat answers, for the start instants of work handed out ahead. */
    private final OwnerClock ownerClock = new OwnerClock();

    /** Strict: no prefetch, and no new work while {@code capacity} outcomes wait, whether or not reports flow. */
    public RunDispatcher(int capacity, AssignmentRunner runner, Executor executor, IntSupplier undelivered) {
        this(capacity, 0, runner, executor, undelivered, () -> false);
    }

    public RunDispatcher(
            int capacity,
            int prefetch,
            AssignmentRunner runner,
            Executor executor,
            IntSupplier undelivered,
            BooleanSupplier reportsFlowing) {
        this.capacity = capacity;
        this.prefetch = prefetch;
        this.runner = runner;
        this.executor = executor;
        this.undelivered = undelivered;
        this.reportsFlowing = reportsFlowing;
    }

    /**
     * Runs a claimed assignment at its start time: {@link Assignment#startDelayMillis} after its poll answer arrived
     * ({@code arrivedNanos}, monotonic), or at its {@link Assignment#startAt} on the {@linkplain OwnerClock owner's
     * clock} if that comes first, or at once if it has none or that passed during the claim. An assignment
     * with a start time takes its run thread at once and waits on it ({@link DeferredStarts#awaitStart}).
     */
    public void start(Assignment assignment, long arrivedNanos) {
        long delay = assignment.startDelayMillis();
        long startAt = arrivedNanos + TimeUnit.MILLISECONDS.toNanos(delay);
        if (delay > 0 && assignment.startAt() != null) {
            // the earlier of two instants that are both past the start instant: the owner's clock tells it closer
            // unless its reading is poor, the delay after arrival also counts the time the answer took to come
            long byOwnerClock = ownerClock.surelyPassed(assignment.startAt()).orElse(startAt);
            startAt = byOwnerClock - startAt < 0 ? byOwnerClock : startAt;
        }
        if (delay > 0 && startAt - System.nanoTime() > 0) {
            deferred.hold(assignment, startAt);
        }
        start(assignment);
    }

    /** The owner's clock, which heartbeat answers set. */
    public OwnerClock ownerClock() {
        return ownerClock;
    }

    /** The claimed runs waiting for their start time. */
    public DeferredStarts deferred() {
        return deferred;
    }

    /**
     * Runs a claimed assignment, at once if a run thread is free, else after the runs claimed before it; if the
     * executor no longer takes work, reports it failed at once.
     */
    public void start(Assignment assignment) {
        synchronized (this) {
            if (onThreads >= capacity) {
                waiting.addLast(assignment);
                return;
            }
            onThreads++;
        }
        if (!submit(assignment)) {
            finished();
        }
    }

    /**
     * The worker stops: the claimed runs still waiting for a thread or for their start time are not started but
     * reported failed with {@code reason}, so that they do not wait for this worker to be declared lost. Returns how
     * many.
     */
    public int refuseWaiting(String reason) {
        List<Assignment> refused = new ArrayList<>(deferred.cancelAll());
        synchronized (this) {
            for (Assignment a : waiting) {
                // no run thread will come for these; a held one is among the cancelled already
                if (deferred.abandon(a)) {
                    refused.add(a);
                }
            }
            waiting.clear();
            notifyAll();
        }
        refused.forEach(a -> runner.refuse(a, reason));
        return refused.size();
    }

    /** Claimed runs not finished: those on run threads (some waiting for their start time) and those waiting for one. */
    public synchronized int active() {
        return onThreads + waiting.size();
    }

    /**
     * How many new assignments the worker may ask for now: none while too many outcomes wait (see above), and none
     * until at least half the prefetch (one, without prefetch) is free again, so that each poll asks for a batch
     * rather than for the one slot that freed first. The run threads stay busy meanwhile: at that point at least
     * the capacity is still claimed (as db-scheduler fetches again once its queue falls below half its threads).
     */
    public synchronized int free() {
        int limit = reportsFlowing.getAsBoolean() ? capacity + FLOWING_ALLOWANCE : capacity;
        if (undelivered.getAsInt() >= limit) {
            return 0;
        }
        int room = capacity + prefetch - active();
        return room >= Math.max(1, prefetch / 2) ? room : 0;
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
        return awaitUntil(max, () -> active() == 0);
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

    /** Hands the assignment to the executor; false (after reporting it failed) if the executor refused it. */
    private boolean submit(Assignment assignment) {
        try {
            executor.execute(() -> {
                try {
                    if (deferred.awaitStart(assignment)) {
                        runner.run(assignment);
                    }
                } catch (InterruptedException e) {
                    // the worker stops: the pool is being shut down; reported as not started
                    if (deferred.abandon(assignment)) {
                        runner.refuse(assignment, "the worker stopped before it started the run");
                    }
                } finally {
                    finished();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            if (deferred.abandon(assignment)) {
                runner.refuse(assignment, "worker is shutting down; not run");
            }
            return false;
        }
    }

    /** A run thread is free: it takes the next waiting run, if any (in a loop: a refused one frees it again). */
    private void finished() {
        while (true) {
            Assignment next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    onThreads--;
                }
                notifyAll();
            }
            if (next == null || submit(next)) {
                return;
            }
        }
    }
}
