package io.campanile.benchmark;

import java.time.Duration;
import java.time.Instant;

/**
 * One processor call as the processor recorded it: which run ({@code key}, the instance id or job name the
 * scheduler gave it), which attempt, the instant it was scheduled for, the instant the call started, and for
 * Campanile the ownership epoch the run was dispatched under ({@link #NO_EPOCH} for the peers, which have none).
 */
public record Execution(String key, int attempt, Instant scheduled, Instant started, long epoch) {

    /** The epoch of a call of a scheduler without owners (the peers). */
    public static final long NO_EPOCH = 0;

    public Execution(String key, int attempt, Instant scheduled, Instant started) {
        this(key, attempt, scheduled, started, NO_EPOCH);
    }

    /** Start minus scheduled instant; all processes run on this machine, so they read the same clock. */
    public Duration lag() {
        return Duration.between(scheduled, started);
    }
}
