package io.campanile.scheduler.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A fixed delay as a schedule: each fire {@code delay} after the previous one ended. What the schedule alone can
 * say is the earliest the next fire can be, {@code delay} after the previous fire time (a fire that took no time);
 * the firing waits for the previous fire's end before it fires (see {@code FireDueJobs}). The first fire is at
 * {@code anchor} when there is one, else {@code delay} after the job was created. Times are whole milliseconds.
 */
public final class FixedDelay implements Schedule {

    public static final Duration MIN_DELAY = Duration.ofMillis(100);

    private final Duration delay;
    private final Instant anchor;
    private final ZoneId zone;

    public FixedDelay(Duration delay, Instant anchor, ZoneId zone) {
        if (delay.compareTo(MIN_DELAY) < 0) {
            throw new IllegalArgumentException("a fixed delay is at least " + MIN_DELAY.toMillis() + " ms");
        }
        this.delay = delay;
        this.anchor = anchor;
        this.zone = zone;
    }

    @Override
    public Optional<NextFire> nextAfter(Instant after) {
        Instant at = anchor != null && after.isBefore(anchor) ? anchor : ceilMillis(after.plus(delay));
        return Optional.of(new NextFire(at, at.atZone(zone).toLocalDateTime(), List.of()));
    }

    /** The fire that follows one that ended at {@code endedAt}. */
    public Instant afterEnd(Instant endedAt) {
        return ceilMillis(endedAt.plus(delay));
    }

    public Duration delay() {
        return delay;
    }

    private static Instant ceilMillis(Instant instant) {
        Instant down = instant.truncatedTo(ChronoUnit.MILLIS);
        return down.equals(instant) ? down : down.plusMillis(1);
    }
}
