package io.campanile.api.protocol;

import io.campanile.api.ReportedState;

/** How a claimed attempt ended. */
public record Outcome(long instanceId, int attempt, ReportedState state, String message) {}
