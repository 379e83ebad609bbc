package io.campanile.scheduler.domain.instance;

import java.time.Instant;

/**
 * A WAITING attempt that is due: what a worker needs to run it, read without loading the whole instance (the
 * dispatch of a backlog reads thousands of these a second).
 */
public record DueAttempt(long instanceId, int attempt, long jobId, Instant fireTime, String parameters) {}
