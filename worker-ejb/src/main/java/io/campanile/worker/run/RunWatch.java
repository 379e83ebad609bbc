package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the time limits of running attempts: past its limit an attempt is marked cancelled (its processor sees it
 * in its context), reported TIMED_OUT at once through {@code onTimeout}, and its run thread interrupted. Whichever
 * comes first, the processor's end or the time limit, decides what is reported: never both.
 *
 * <p>Runs as its own thread ({@link #run}); {@link #check} does one look, for tests.
 */
public final class RunWatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunWatch.class.getName());
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final LongSupplier nanoTime;
    private final Consumer<Running> onTimeout;
    private final ConcurrentSkipListSet<Running> limited = new ConcurrentSkipListSet<>(
            Comparator.comparingLong((Running r) -> r.deadline).thenComparingLong(r -> r.sequence));
    private final Object wake = new Object();
    private volatile boolean stopped;

    public RunWatch(LongSupplier nanoTime, Consumer<Running> onTimeout) {
        this.nanoTime = nanoTime;
        this.onTimeout = onTimeout;
    }

    /** One attempt on its run thread: running, ended by its processor, or timed out. */
    public static final class Running {

        private static final int RUNNING = 0;
        private static final int ENDED = 1;
        private static final int TIMED_OUT = 2;

        private final Assignment assignment;
        private final Thread thread;
        private final long deadline;
        private final long sequence = SEQUENCE.incrementAndGet();
        private int state = RUNNING;

        private Running(Assignment assignment, Thread thread, long deadline) {
            this.assignment = assignment;
            this.thread = thread;
            this.deadline = deadline;
        }

        public Assignment assignment() {
            return assignment;
        }

        /** True once the time limit passed: the processor should stop. */
        public synchronized boolean cancelled() {
            return state == TIMED_OUT;
        }

        /**
         * The processor returned: true if its outcome is to be reported (the limit had not passed). Afterwards no
         * interrupt can reach the thread on this attempt's account, so it is cleared here.
         */
        public synchronized boolean end() {
            boolean report = state == RUNNING;
            if (report) {
                state = ENDED;
            }
            Thread.interrupted(); // an interrupt of this attempt must not reach the pool thread's next run
            return report;
        }

        synchronized boolean timeOut() {
            if (state != RUNNING) {
                return false;
            }
            state = TIMED_OUT;
            thread.interrupt(); // under the lock: before the run thread can clear it in end()
            return true;
        }
    }

    /** The attempt starts on the calling thread; watched if it has a time limit. */
    public Running begin(Assignment assignment) {
        Long limit = assignment.timeoutMillis();
        long deadline = limit == null ? Long.MAX_VALUE : nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(limit);
        Running running = new Running(assignment, Thread.currentThread(), deadline);
        if (limit != null) {
            limited.add(running);
            synchronized (wake) {
                wake.notifyAll();
            }
        }
        return running;
    }

    /** The attempt left its run thread. */
    public void forget(Running running) {
        limited.remove(running);
    }

    /** Times out every watched attempt past its limit; returns how long until the next limit (nanoseconds). */
    public long check() {
        long now = nanoTime.getAsLong();
        while (!limited.isEmpty()) {
            Running first = limited.first();
            if (first.deadline - now > 0) {
                return first.deadline - now;
            }
            limited.remove(first);
            if (first.timeOut()) {
                try {
                    onTimeout.accept(first);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not report a timed-out attempt", e);
                }
            }
        }
        return IDLE_NANOS;
    }

    @Override
    public void run() {
        while (!stopped) {
            long wait = Math.min(IDLE_NANOS, check());
            synchronized (wake) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, Math.max(wait, TimeUnit.MILLISECONDS.toNanos(1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }
}
