package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Claimed attempts that were handed out ahead of their due time ({@link Assignment#startInMillis}). The run thread
 * that took one waits here until its start instant on the monotonic clock ({@link #awaitStart}), so that the start
 * costs one thread wake-up, not a timer's and then a run thread's. Until it starts, a held attempt counts as this
 * worker's running attempt: a heartbeat names it, and one the owner says to stop is cancelled without starting (and
 * reports nothing: the server recorded its end); when the worker stops, every held attempt is cancelled and returned
 * for the caller to report.
 */
public final class DeferredStarts {

    private static final Logger LOG = Logger.getLogger(DeferredStarts.class.getName());

    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition cancelled = lock.newCondition();

    private record Held(Assignment assignment, long startAt) {}

    /** Held attempts not started, with their start instants (monotonic nanoseconds); guarded by {@link #lock}. */
    private final Map<Claim, Held> held = new HashMap<>();
    /** Held attempts cancelled before their run thread came for them; guarded by {@link #lock}. */
    private final Map<Claim, Boolean> dropped = new HashMap<>();

    public DeferredStarts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Holds a claimed attempt until {@code startAt} (monotonic nanoseconds). */
    public void hold(Assignment assignment, long startAt) {
        lock.lock();
        try {
            held.put(claimOf(assignment), new Held(assignment, startAt));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called on the run thread before the attempt runs: waits until its start instant if it is held, and returns
     * whether it is to run (false: cancelled meanwhile, by a stop or by the worker stopping). An attempt never held
     * runs at once.
     */
    public boolean awaitStart(Assignment assignment) throws InterruptedException {
        Claim claim = claimOf(assignment);
        lock.lock();
        try {
            while (true) {
                if (dropped.remove(claim) != null) {
                    return false;
                }
                Held h = held.get(claim);
                if (h == null) {
                    return true;
                }
                long left = h.startAt() - nanoTime.getAsLong();
                if (left <= 0) {
                    held.remove(claim);
                    return true;
                }
                cancelled.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many attempts are held. */
    public int size() {
        lock.lock();
        try {
            return held.size();
        } finally {
            lock.unlock();
        }
    }

    /** The attempts held, for the heartbeat. */
    public List<Claim> claims() {
        lock.lock();
        try {
            return List.copyOf(held.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the held attempts the owner says are no longer this worker's to run; returns how many. */
    public int drop(List<Refusal> stops) {
        int count = 0;
        lock.lock();
        try {
            for (Refusal stop : stops) {
                Claim claim = new Claim(stop.instanceId(), stop.attempt());
                if (held.remove(claim) != null) {
                    dropped.put(claim, Boolean.TRUE);
                    count++;
                    LOG.info(() -> "Dropped instance " + stop.instanceId() + " attempt " + stop.attempt()
                            + " before its start: " + stop.reason());
                }
            }
            cancelled.signalAll();
        } finally {
            lock.unlock();
        }
        return count;
    }

    /**
     * Cancels every held attempt (the worker stops) and returns them, for the caller to report: none of them will
     * start, and their run threads report nothing.
     */
    public List<Assignment> cancelAll() {
        lock.lock();
        try {
            List<Assignment> all = new ArrayList<>(held.size());
            held.forEach((claim, h) -> {
                dropped.put(claim, Boolean.TRUE);
                all.add(h.assignment());
            });
            held.clear();
            cancelled.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * No run thread will come for the attempt (it was refused, or the executor refused it): forgets it, and returns
     * whether it is still the caller's to report (false: it was cancelled, and reported or stopped already).
     */
    boolean abandon(Assignment assignment) {
        Claim claim = claimOf(assignment);
        lock.lock();
        try {
            held.remove(claim);
            return dropped.remove(claim) == null;
        } finally {
            lock.unlock();
        }
    }

    private static Claim claimOf(Assignment a) {
        return new Claim(a.instanceId(), a.attempt());
    }
}
