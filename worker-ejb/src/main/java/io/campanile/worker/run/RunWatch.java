package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the running attempts: past its time limit an attempt is marked cancelled (its processor sees it in its
 * context), reported TIMED_OUT at once through {@code onTimeout}, and its run thread interrupted. An attempt the owner
 * says to stop (stopped through the admin API) is cancelled and interrupted the same way, and reports nothing (the
 * server recorded its end). Whichever comes first, the processor's end, the time limit or a stop, decides what is
 * reported: never two of them.
 *
 * <p>Runs as its own thread ({@link #run}); {@link #check} does one look, for tests.
 */
public final class RunWatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunWatch.class.getName());
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final LongSupplier nanoTime;
    private final Consumer<Running> onTimeout;
    private final Map<Claim, Running> running = new ConcurrentHashMap<>();
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
        private static final int STOPPED = 3;

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

        /** True once the time limit passed or the owner said to stop: the processor should stop. */
        public synchronized boolean cancelled() {
            return state == TIMED_OUT || state == STOPPED;
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
            return cancel(TIMED_OUT);
        }

        synchronized boolean stop() {
            return cancel(STOPPED);
        }

        private boolean cancel(int why) {
            if (state != RUNNING) {
                return false;
            }
            state = why;
            thread.interrupt(); // under the lock: before the run thread can clear it in end()
            return true;
        }

        Claim claim() {
            return new Claim(assignment.instanceId(), assignment.attempt());
        }
    }

    /** The attempt starts on the calling thread; watched if it has a time limit. */
    public Running begin(Assignment assignment) {
        Long limit = assignment.timeoutMillis();
        long deadline = limit == null ? Long.MAX_VALUE : nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(limit);
        Running started = new Running(assignment, Thread.currentThread(), deadline);
        running.put(started.claim(), started);
        if (limit != null) {
            limited.add(started);
            synchronized (wake) {
                wake.notifyAll();
            }
        }
        return started;
    }

    /** The attempt left its run thread. */
    public void forget(Running ended) {
        limited.remove(ended);
        running.remove(ended.claim(), ended);
    }

    /** The attempts on run threads now, for the heartbeat. */
    public List<Claim> running() {
        return List.copyOf(running.keySet());
    }

    /**
     * The worker stops: every attempt still on a run thread is cancelled and interrupted, and returned, for the caller
     * to report (so that the owner retries it at once rather than after taking the worker for lost).
     */
    public List<Running> interruptAll() {
        List<Running> interrupted = new java.util.ArrayList<>();
        for (Running r : running.values()) {
            if (r.stop()) {
                interrupted.add(r);
            }
        }
        return interrupted;
    }

    /** Stops the attempts the owner says are no longer this worker's to run; returns how many were running. */
    public int stop(List<Refusal> stops) {
        int stopped = 0;
        for (Refusal stop : stops) {
            Running r = running.get(new Claim(stop.instanceId(), stop.attempt()));
            if (r != null && r.stop()) {
                stopped++;
                LOG.info(() -> "Stopped instance " + stop.instanceId() + " attempt " + stop.attempt() + " ("
                        + r.assignment().processor() + "): " + stop.reason());
            }
        }
        return stopped;
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
