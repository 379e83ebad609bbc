package io.campanile.deployments.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fire times {@code anchor + k × period} (k = 0, 1, 2...): a FIXED_RATE job's, anchored at its start, and also
 * a CRON job's that fires every second ({@link #everySecond()}, anchored at the epoch).
 */
record Lattice(Instant anchor, Duration period) {

    Lattice {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a lattice's period must be positive, not " + period);
        }
    }

    static Lattice everySecond() {
        return new Lattice(Instant.EPOCH, Duration.ofSeconds(1));
    }

    boolean contains(Instant time) {
        long sinceAnchor = Duration.between(anchor, time).toNanos();
        return sinceAnchor >= 0 && sinceAnchor % period.toNanos() == 0;
    }

    /** The lattice times from {@code from} to {@code to}, both inclusive, oldest first. */
    List<Instant> timesIn(Instant from, Instant to) {
        long sinceAnchor = Duration.between(anchor, from).toNanos();
        long periods = sinceAnchor <= 0 ? 0 : -Math.floorDiv(-sinceAnchor, period.toNanos()); // rounded up
        List<Instant> times = new ArrayList<>();
        for (Instant time = anchor.plus(period.multipliedBy(periods)); !time.isAfter(to); time = time.plus(period)) {
            times.add(time);
        }
        return times;
    }

    @Override
    public String toString() {
        return anchor + "+k*" + period;
    }
}
