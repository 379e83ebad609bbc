package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.time.MonotonicClock;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * When the server's next tick is due: one period after the last tick started, or sooner, at an instant someone
 * asked for (a fire written ahead of its time, a run asked for at an instant, work that became waiting). Instants
 * are turned into deadlines on the monotonic clock when they are asked for, so that a wall clock stepped later
 * moves none of them. An alarm is spent by the first tick that starts at or after it: a tick that itself asks for
 * "now" gets one more tick, never a loop.
 *
 * <p>Thread-safe: alarms are asked for from request threads while the tick runs.
 */
public class TickAlarms {

    private final Clock wall;
    private final MonotonicClock monotonic;
    private final long periodMillis;
    private final ConcurrentSkipListSet<Long> deadlines = new ConcurrentSkipListSet<>();

    public TickAlarms(Clock wall, MonotonicClock monotonic, long periodMillis) {
        this.wall = wall;
        this.monotonic = monotonic;
        this.periodMillis = periodMillis;
    }

    /**
     * Asks for a tick at {@code at} on the wall clock ({@link Instant#MIN}, or any instant passed: as soon as
     * possible); returns its deadline on the monotonic clock.
     */
    public long askFor(Instant at) {
        long now = monotonic.millis();
        long deadline = now + (at.equals(Instant.MIN) ? 0 : millisUntil(at));
        deadlines.add(deadline);
        return deadline;
    }

    /** Never negative; far instants are capped at a day (a period comes sooner anyway). */
    private long millisUntil(Instant at) {
        long now = wall.millis();
        if (!at.isAfter(Instant.ofEpochMilli(now))) {
            return 0;
        }
        return at.isAfter(Instant.ofEpochMilli(now).plusSeconds(86_400)) ? 86_400_000L : at.toEpochMilli() - now;
    }

    /**
     * A tick started at {@code tickStart} (monotonic): spends the alarms it served, and returns when the next one
     * is due (monotonic), at most one period later. An alarm of the very millisecond the tick started at is kept
     * (it may have been asked for during the tick): it costs one more tick at most.
     */
    public long nextAfterTickAt(long tickStart) {
        deadlines.headSet(tickStart, false).clear();
        long periodic = tickStart + periodMillis;
        Long alarm = deadlines.isEmpty() ? null : deadlines.first();
        return alarm != null && alarm < periodic ? alarm : periodic;
    }

    public MonotonicClock monotonic() {
        return monotonic;
    }
}
