package io.campanile.scheduler.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The host clock corrected to the database's clock, so that every server decides when a fire is due
 * on the same time line whatever its host clock says. The offset is measured at each server
 * heartbeat, from the midpoint of the round trip.
 */
public class DatabaseClock extends Clock {

    private final Clock host;
    private volatile long offsetMillis;

    public DatabaseClock(Clock host) {
        this.host = host;
    }

    public void sync(Instant databaseTime, long sentAtMillis, long receivedAtMillis) {
        offsetMillis = databaseTime.toEpochMilli() - (sentAtMillis + receivedAtMillis) / 2;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    public Clock host() {
        return host;
    }

    @Override
    public Instant instant() {
        return host.instant().plusMillis(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the database clock is always UTC");
    }
}
