package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.time.MonotonicClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The database's clock as this server reads it between two heartbeats, so that every server decides when a fire
 * is due on the same time line whatever its wall clock says. Each heartbeat reads the database's time; in between,
 * time moves on by this host's monotonic clock from the midpoint of that round trip. The wall clock is read only
 * once, as a starting point before the first heartbeat: stepping it later changes nothing here.
 */
public class DatabaseClock extends Clock {

    private final MonotonicClock monotonic;
    private volatile Reading reading;

    public DatabaseClock(Clock wall, MonotonicClock monotonic) {
        this.monotonic = monotonic;
        this.reading = new Reading(wall.millis(), monotonic.millis());
    }

    /** Records the database's time, read in a round trip sent and received at these monotonic readings. */
    public void sync(Instant databaseTime, long sentAtMillis, long receivedAtMillis) {
        reading = new Reading(databaseTime.toEpochMilli(), sentAtMillis + (receivedAtMillis - sentAtMillis) / 2);
    }

    /** This host's monotonic clock, for periods and local deadlines. */
    public MonotonicClock monotonic() {
        return monotonic;
    }

    @Override
    public long millis() {
        Reading r = reading;
        return r.databaseMillis + (monotonic.millis() - r.monotonicMillis);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the database clock is always UTC");
    }

    private record Reading(long databaseMillis, long monotonicMillis) {}
}
