package io.campanile.api.protocol;

import io.campanile.api.ReportedState;
import java.time.Instant;

/**
 * How a claimed attempt ended.
 *
 * @param retryable for a failure, false when the processor said no retry can mend it; null (a worker that does not
 *     send it) counts as true. (One constructor only: JSON-B builds records through their only constructor.)
 * @param startedAt when the processor started, on the worker's clock; null when it never started, or from a worker
 *     that does not send it. The server measures fire lag (fire time to start) from it.
 * @param fireTime with {@code startedAt}: the attempt's fire time, as its assignment gave it, so that the server need
 *     not read it to measure the fire lag; null from a worker that does not send it (the server then reads it)
 */
public record Outcome(
        long instanceId,
        int attempt,
        ReportedState state,
        String message,
        Boolean retryable,
        Instant startedAt,
        Instant fireTime) {

    /** Whether the job's retry policy may run the instance again after this outcome. */
    public boolean mayRetry() {
        return (state == ReportedState.FAILED || state == ReportedState.TIMED_OUT) && !Boolean.FALSE.equals(retryable);
    }
}
