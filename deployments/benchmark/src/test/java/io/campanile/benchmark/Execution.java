package io.campanile.benchmark;

import java.time.Duration;
import java.time.Instant;

/**
 * One processor call as the processor recorded it: which run ({@code key}, the instance id or job name the
 * scheduler gave it), which attempt, the instant it was scheduled for, and the instant the call started.
 */
public record Execution(String key, int attempt, Instant scheduled, Instant started) {

    /** Start minus scheduled instant; all processes run on this machine, so they read the same clock. */
    public Duration lag() {
        return Duration.between(scheduled, started);
    }
}
