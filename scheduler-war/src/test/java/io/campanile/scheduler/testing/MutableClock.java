package io.campanile.scheduler.testing;

import io.campanile.scheduler.domain.time.MonotonicClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when a test moves it, so lease and timeout logic is tested without sleeping. */
public final class MutableClock extends Clock implements MonotonicClock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A snapshot in another zone; it does not follow later moves of this clock. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }
}
