package io.campanile.scheduler.domain.time;

/**
 * A period measured on a {@link MonotonicClock}: {@link #due()} answers true once per period (the first call
 * always), whatever the wall clock does in between. Not thread-safe: one ticking thread uses it.
 */
public final class Every {

    private final MonotonicClock clock;
    private final long periodMillis;
    private long last;
    private boolean started;

    public Every(long periodMillis, MonotonicClock clock) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive, was " + periodMillis);
        }
        this.clock = clock;
        this.periodMillis = periodMillis;
    }

    /** Whether a period has passed since the last time this answered true; if so, a new period starts now. */
    public boolean due() {
        long now = clock.millis();
        if (started && now - last < periodMillis) {
            return false;
        }
        started = true;
        last = now;
        return true;
    }
}
