package io.campanile.api.protocol;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;

/**
 * One instance handed to a worker, carrying the epoch under which the owner dispatched it.
 *
 * @param timeoutMillis the attempt's time limit: past it, the worker interrupts the processor and reports the attempt
 *     TIMED_OUT; null when the job has none
 * @param previousOutcome for a retry (attempt &gt; 1), how the attempt before it ended; null for a first attempt.
 * @param logsLocal true when the job keeps its run logs in the worker's own log only; null or false: the worker
 *     sends them to the scheduler
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
        Boolean logsLocal) {

    /** The constructor JSON-B uses: with two constructors it must be told which. */
    @JsonbCreator
    public Assignment {}

    /** An assignment whose run logs go to the scheduler. */
    public Assignment(
            long instanceId,
            int attempt,
            long jobId,
            String jobName,
            String processor,
            Instant fireTime,
            long epoch,
            String parameters,
            String previousOutcome,
            Long timeoutMillis) {
        this(
                instanceId,
                attempt,
                jobId,
                jobName,
                processor,
                fireTime,
                epoch,
                parameters,
                previousOutcome,
                timeoutMillis,
                null);
    }

    /** Whether the worker keeps this attempt's log to itself. */
    public boolean keepsLogsLocal() {
        return Boolean.TRUE.equals(logsLocal);
    }
}
