package io.campanile.api.protocol;

import java.time.Instant;

/**
 * One instance handed to a worker, carrying the epoch under which the owner dispatched it.
 *
 * @param timeoutMillis the attempt's time limit: past it, the worker interrupts the processor and reports the attempt
 *     TIMED_OUT; null when the job has none
 * @param previousOutcome for a retry (attempt &gt; 1), how the attempt before it ended; null for a first attempt.
 *     (One constructor only: JSON-B builds records through their only constructor.)
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
        Long timeoutMillis) {}
