package io.campanile.api.protocol;

import java.time.Instant;

/**
 * One instance handed to a worker, carrying the epoch under which the owner dispatched it.
 *
 * @param timeoutMillis the attempt's time limit: past it, the worker interrupts the processor and reports the attempt
 *     TIMED_OUT; null when the job has none
 * @param previousOutcome for a retry (attempt &gt; 1), how the attempt before it ended; null for a first attempt.
 * @param logsLocal true when the job keeps its run logs in the worker's own log only; null or false: the worker
 *     sends them to the scheduler
 * @param startInMillis handed out this long before the attempt is due (a scheduled fire close ahead): the worker
 *     claims it at once and starts the processor this long after the poll answer arrived, so that it starts on time
 *     rather than a hand-out and a claim late; null or 0: start at once. Only sent to a worker whose poll said it
 *     {@linkplain PollRequest#startsOnTime starts on time}
 * @param startAt with {@code startInMillis}: the same start instant on the owner's clock (its due time plus the
 *     owner's clock margin). A worker that reads the owner's clock ({@link HeartbeatAnswer#serverTime}) starts at
 *     the earlier of the two, so that a hand-out that took long to arrive does not start late by as much; null
 *     from older servers, or with no start delay
 */
public record Assignment(
        long instanceId,
        int attempt,
        long jobId,
        String jobName,
        String processor,
        Instant fireTime,
        long epoch,
        String parameters,
        String previousOutcome,
        Long timeoutMillis,
        Boolean logsLocal,
        Long startInMillis,
        Instant startAt) {

    /** How long after the poll answer arrived the processor starts: 0 for at once. */
    public long startDelayMillis() {
        return startInMillis == null ? 0 : Math.max(0, startInMillis);
    }

    /** Whether the worker keeps this attempt's log to itself. */
    public boolean keepsLogsLocal() {
        return Boolean.TRUE.equals(logsLocal);
    }
}
