package io.campanile.api.protocol;

import io.campanile.api.ReportedState;

/** A worker reports the progress of one attempt of an instance. */
public record StatusReport(
        long instanceId, int attempt, long epoch, String workerId, ReportedState state, String message) {}
