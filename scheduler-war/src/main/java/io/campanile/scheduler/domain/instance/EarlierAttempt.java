package io.campanile.scheduler.domain.instance;

import java.time.Instant;

/**
 * An attempt of an instance before its current one: who ran it under which epoch, when, how it ended, and which
 * server recorded the retry that followed it.
 */
public record EarlierAttempt(
        long instanceId,
        int attempt,
        String workerId,
        long epoch,
        Instant startedAt,
        Instant finishedAt,
        AttemptEnd outcome,
        String result,
        String retriedBy) {}
