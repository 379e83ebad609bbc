package io.campanile.scheduler.domain.instance;

/** One attempt of an instance: what a worker claims, and what its outcome is about. */
public record Attempt(long instanceId, int attempt) {}
