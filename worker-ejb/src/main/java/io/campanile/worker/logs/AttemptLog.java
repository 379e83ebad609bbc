package io.campanile.worker.logs;

import io.campanile.api.RunLog;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.LogLine;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The log of one attempt: numbers its lines and queues them for the scheduler, up to {@code maxBytes} of messages
 * (then one line says the rest is dropped); or, for a job that keeps its logs local, writes them to the worker's own
 * log. Safe to call from any thread; never blocks on the network, never throws.
 */
final class AttemptLog implements RunLog {

    private static final Logger LOCAL = Logger.getLogger("io.campanile.worker.RunLog");
    /** The longest message the server stores; longer ones are cut here. */
    static final int MAX_MESSAGE = 4000;

    private final Assignment assignment;
    private final LogQueue queue;
    private final long maxBytes;
    private final Clock clock;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean full = new AtomicBoolean();

    AttemptLog(Assignment assignment, LogQueue queue, long maxBytes, Clock clock) {
        this.assignment = assignment;
        this.queue = queue;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public void log(RunLog.Level level, String message) {
        RunLog.Level l = level == null ? RunLog.Level.INFO : level;
        String text = message == null ? "null" : message;
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE - 3) + "...";
        }
        if (assignment.keepsLogsLocal()) {
            String line = text;
            LOCAL.log(
                    local(l),
                    () -> "[" + assignment.jobName() + " instance " + assignment.instanceId() + " attempt "
                            + assignment.attempt() + "] " + line);
            return;
        }
        if (bytes.addAndGet(text.length()) > maxBytes) {
            if (full.compareAndSet(false, true)) {
                queue.offer(line(
                        RunLog.Level.WARN,
                        "run log limit of " + maxBytes + " bytes reached (campanile.worker.log-max-bytes):"
                                + " later lines of this attempt are dropped"));
            }
            return;
        }
        queue.offer(line(l, text));
    }

    private LogLine line(RunLog.Level level, String text) {
        return new LogLine(
                assignment.instanceId(), assignment.attempt(), seq.incrementAndGet(), clock.instant(), level, text);
    }

    private static java.util.logging.Level local(RunLog.Level level) {
        return switch (level) {
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARN -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
        };
    }
}
