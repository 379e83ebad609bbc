package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claimed attempts that were handed out ahead of their due time ({@link Assignment#startInMillis}): each is held
 * until its start instant on the monotonic clock and then started. They count as this worker's running attempts: a
 * heartbeat names them, and one the owner says to stop is dropped without starting (and reports nothing: the server
 * recorded its end).
 *
 * <p>Runs as its own thread ({@link #run}), waiting with {@link Condition#awaitNanos} (sub-millisecond, unlike
 * {@code Object.wait}); {@link #check} does one look, for tests.
 */
public final class DeferredStarts implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeferredStarts.class.getName());
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private record Held(Assignment assignment, long startAt, long sequence) {
        Claim claim() {
            return new Claim(assignment.instanceId(), assignment.attempt());
        }
    }

    private final LongSupplier nanoTime;
    private final Consumer<Assignment> start;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final TreeSet<Held> byStart =
            new TreeSet<>(Comparator.comparingLong((Held h) -> h.startAt).thenComparingLong(h -> h.sequence));
    /** Guarded by {@link #lock}. */
    private final Map<Claim, Held> byClaim = new HashMap<>();

    private volatile boolean stopped;

    /** @param start what starts an attempt once its time came (called on this object's thread, without its lock) */
    public DeferredStarts(LongSupplier nanoTime, Consumer<Assignment> start) {
        this.nanoTime = nanoTime;
        this.start = start;
    }

    /** Holds a claimed attempt until {@code startAt} (monotonic nanoseconds). */
    public void hold(Assignment assignment, long startAt) {
        Held held = new Held(assignment, startAt, SEQUENCE.incrementAndGet());
        lock.lock();
        try {
            Held before = byClaim.put(held.claim(), held);
            if (before != null) {
                byStart.remove(before);
            }
            byStart.add(held);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many attempts are held. */
    public int size() {
        lock.lock();
        try {
            return byClaim.size();
        } finally {
            lock.unlock();
        }
    }

    /** The attempts held, for the heartbeat. */
    public List<Claim> claims() {
        lock.lock();
        try {
            return List.copyOf(byClaim.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Drops the held attempts the owner says are no longer this worker's to run; returns how many. */
    public int drop(List<Refusal> stops) {
        int dropped = 0;
        lock.lock();
        try {
            for (Refusal stop : stops) {
                Held held = byClaim.remove(new Claim(stop.instanceId(), stop.attempt()));
                if (held != null) {
                    byStart.remove(held);
                    dropped++;
                    LOG.info(() -> "Dropped instance " + stop.instanceId() + " attempt " + stop.attempt()
                            + " before its start: " + stop.reason());
                }
            }
        } finally {
            lock.unlock();
        }
        return dropped;
    }

    /** Takes every held attempt (the worker stops): none of them will start. */
    public List<Assignment> takeAll() {
        lock.lock();
        try {
            List<Assignment> all = new ArrayList<>(byStart.size());
            byStart.forEach(h -> all.add(h.assignment()));
            byStart.clear();
            byClaim.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Starts every held attempt whose time came; returns how many. */
    public int check() {
        List<Assignment> due = new ArrayList<>();
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            while (!byStart.isEmpty()) {
                Held first = byStart.first();
                if (first.startAt - now > 0) {
                    break;
                }
                byStart.pollFirst();
                byClaim.remove(first.claim());
                due.add(first.assignment());
            }
        } finally {
            lock.unlock();
        }
        for (Assignment a : due) {
            try {
                start.accept(a);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not start instance " + a.instanceId() + " attempt " + a.attempt(), e);
            }
        }
        return due.size();
    }

    @Override
    public void run() {
        while (!stopped) {
            check();
            lock.lock();
            try {
                // the wait is worked out under the lock a hold signals under: an earlier start is never missed
                long wait = byStart.isEmpty() ? IDLE_NANOS : byStart.first().startAt - nanoTime.getAsLong();
                if (!stopped && wait > 0) {
                    changed.awaitNanos(Math.min(wait, IDLE_NANOS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    public void stop() {
        stopped = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
