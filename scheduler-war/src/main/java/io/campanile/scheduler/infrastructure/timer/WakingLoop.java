package io.campanile.scheduler.infrastructure.timer;

import io.campanile.scheduler.application.TickAlarms;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One loop of the {@link Ticker}: runs its step every period, and sooner at each instant asked for
 * ({@link TickAlarms}), on the thread that calls {@link #run} until {@link #stop}. A step that throws is logged and
 * the loop goes on.
 */
final class WakingLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(WakingLoop.class.getName());

    private final String name;
    private final TickAlarms alarms;
    private final Runnable step;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    /** When the loop wakes next (monotonic millis); guarded by {@link #lock}. */
    private long wakeAt;
    /** Guarded by {@link #lock}. */
    private boolean stopped;

    WakingLoop(String name, TickAlarms alarms, Runnable step) {
        this.name = name;
        this.alarms = alarms;
        this.step = step;
    }

    /** Steps, then waits until the next step is due or an earlier one is asked for, until stopped. */
    @Override
    public void run() {
        while (true) {
            long stepStart = alarms.monotonic().millis();
            step();
            lock.lock();
            try {
                wakeAt = alarms.nextAfterTickAt(stepStart);
                long left;
                while (!stopped && (left = wakeAt - alarms.monotonic().millis()) > 0) {
                    woken.await(left, TimeUnit.MILLISECONDS);
                }
                if (stopped) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the container is stopping its threads
            } finally {
                lock.unlock();
            }
        }
    }

    /** Asks for a step at {@code at} ({@link Instant#MIN}: now); wakes the loop if it planned a later one. */
    void wakeBy(Instant at) {
        long deadline = alarms.askFor(at);
        lock.lock();
        try {
            if (deadline < wakeAt) {
                wakeAt = deadline;
                woken.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the loop after the step in progress, if any. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    private void step() {
        try {
            step.run();
        } catch (RuntimeException e) {
            // the loop must outlive whatever one step throws
            LOG.log(Level.WARNING, "Server " + name + " failed", e);
        }
    }
}
