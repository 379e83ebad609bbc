package io.campanile.scheduler.domain.instance;

import java.time.Instant;

/**
 * A WAITING attempt that is due: what a worker needs to run it, read without loading the whole instance (the
 * dispatch of a backlog reads thousands of these a second).
 *
 * @param dueAt when it may be handed out: its fire time, or for a retry the end of its backoff
 * @param previousOutcome for a retry, how the attempt before it ended; null for a first attempt
 */
public record DueAttempt(
        long instanceId,
        int attempt,
        long jobId,
        Instant fireTime,
        String parameters,
        Instant dueAt,
        String previousOutcome) {

    /** A first attempt, due at its fire time. */
    public DueAttempt(long instanceId, int attempt, long jobId, Instant fireTime, String parameters) {
        this(instanceId, attempt, jobId, fireTime, parameters, fireTime, null);
    }
}
