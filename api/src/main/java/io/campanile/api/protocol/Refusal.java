package io.campanile.api.protocol;

/** A claim or an outcome the server did not record, and why (final: repeating it changes nothing). */
public record Refusal(long instanceId, int attempt, String reason) {}
