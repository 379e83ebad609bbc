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
 *
 * <p>A reading is right to within half its round trip, and a slow round trip (a commit or a pool wait under load)
 * made one wrong by tens of milliseconds, which moved every fire of the next second by as much, early or late. So a
 * reading replaces the one in use only when it is at least as precise, the one in use losing
 * {@link #DRIFT_PER_SECOND} of precision a second of its age (the two clocks drift apart far slower): the clock
 * follows the quick round trips and is not moved by a slow one.
 */
public class DatabaseClock extends Clock {

    /** Milliseconds of precision a reading loses a second: a generous bound of the clocks' drift (1,000 ppm). */
    static final double DRIFT_PER_SECOND = 1.0;

    private final MonotonicClock monotonic;
    private volatile Reading reading;

    public DatabaseClock(Clock wall, MonotonicClock monotonic) {
        this.monotonic = monotonic;
        // the wall clock says nothing of the database's: any reading of it is better
        this.reading = new Reading(wall.millis(), monotonic.millis(), Double.POSITIVE_INFINITY);
    }

    /**
     * Records the database's time, read in a round trip sent and received at these monotonic readings, unless the
     * reading in use is more precise; returns whether it was taken.
     */
    public boolean sync(Instant databaseTime, long sentAtMillis, long receivedAtMillis) {
        long roundTrip = Math.max(0, receivedAtMillis - sentAtMillis);
        Reading current = reading;
        double currentError =
                current.errorMillis + DRIFT_PER_SECOND * Math.max(0, receivedAtMillis - current.monotonicMillis) / 1000;
        if (roundTrip / 2.0 > currentError) {
            return false;
        }
        reading = new Reading(databaseTime.toEpochMilli(), sentAtMillis + roundTrip / 2, roundTrip / 2.0);
        return true;
    }

    /**
     * How far this clock may be from the database's now, in milliseconds: half the round trip of the reading in use
     * plus its drift since; infinite before the first reading.
     */
    public double uncertaintyMillis() {
        Reading r = reading;
        return r.errorMillis + DRIFT_PER_SECOND * Math.max(0, monotonic.millis() - r.monotonicMillis) / 1000;
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

    /** The database's time at a monotonic instant, right to within {@code errorMillis} (half the round trip). */
    private record Reading(long databaseMillis, long monotonicMillis, double errorMillis) {}
}
