package io.campanile.api.admin;

import java.time.Instant;

/**
 * An attempt of an instance before its current one (the current attempt is the instance itself).
 *
 * @param outcome how it ended: FAILED (its worker reported a failure) or WORKER_LOST (its worker stopped sending
 *     heartbeats while it ran)
 * @param result the failure's message, or why the worker was taken for lost
 * @param retriedBy the id of the server that recorded the retry that followed it
 */
public record AttemptView(
        int attempt,
        String workerId,
        long epoch,
        Instant startedAt,
        Instant finishedAt,
        String outcome,
        String result,
        String retriedBy) {}
