package io.campanile.api;

/**
 * What a job does with fire times that were missed: the owner came to them later than the misfire threshold
 * ({@code campanile.misfire.threshold-millis}, 1 s by default) after an outage, a failover, or while the job was
 * paused. Every missed fire time that does not run is recorded as a {@code SKIPPED} instance with its reason.
 */
public enum MisfirePolicy {
    /**
     * Run every missed fire time, oldest first, late; those older than the job's catch-up window (when it has one)
     * are skipped.
     */
    FIRE_ALL,
    /** Run the latest missed fire time once, now, standing for all of them; the earlier ones are skipped. */
    FIRE_ONCE,
    /** Run none of them; the next fire time that is not missed runs as usual. */
    SKIP
}
