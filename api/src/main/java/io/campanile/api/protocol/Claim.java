package io.campanile.api.protocol;

/** One attempt of an instance, as handed to a worker and claimed by it. */
public record Claim(long instanceId, int attempt) {}
