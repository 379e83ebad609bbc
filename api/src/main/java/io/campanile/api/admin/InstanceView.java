package io.campanile.api.admin;

import io.campanile.api.InstanceState;
import io.campanile.api.TriggerType;
import java.time.Instant;

/**
 * One instance (one fire) of a job, with its current attempt.
 *
 * @param waitingReason for a WAITING instance, why it is not dispatched, as the app's owner last saw its workers
 *     (no live worker, or none with the job's processor); null otherwise, or while it only waits for a free slot
 * @param attempt the current attempt, 1 for the first; a retry waits for its next attempt in state WAITING, with
 *     the outcome of the attempt before it as its {@code result}
 * @param dueAt when the current attempt may start: the fire time, or a retry's time after its backoff
 */
public record InstanceView(
        long id,
        long jobId,
        String jobName,
        String appName,
        TriggerType trigger,
        Instant fireTime,
        InstanceState state,
        int attempt,
        Long epoch,
        String workerId,
        String ownerId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String result,
        String waitingReason,
        Instant dueAt) {}
