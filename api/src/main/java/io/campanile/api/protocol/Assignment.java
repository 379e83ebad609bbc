package io.campanile.api.protocol;

import java.time.Instant;

/** One instance handed to a worker, carrying the epoch under which the owner dispatched it. */
public record Assignment(
        long instanceId,
        int attempt,
        long jobId,
        String jobName,
        String processor,
        Instant fireTime,
        long epoch,
        String parameters) {}
