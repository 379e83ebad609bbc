package io.campanile.scheduler.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fixed rate: the lattice {@code anchor + k * period} (k = 0, 1, 2...), never drifting with how long runs take or
 * when a fire was noticed. The anchor is the job's start instant, or the epoch plus a phase, so that "every 10 s"
 * fires on the same instants on every server and after every failover.
 */
public final class FixedRate {

    /** The shortest period: below it the lattice is denser than the owner's firing can honour. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(100);

    private final Instant anchor;
    private final long periodMillis;

    public FixedRate(Instant anchor, Duration period) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        if (period.compareTo(MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("a fixed rate's period is at least " + MIN_PERIOD.toMillis()
                    + " ms, not " + period.toMillis() + " ms");
        }
        this.periodMillis = period.toMillis();
    }

    /** The lattice anchored at the epoch plus {@code phase}: fires at every multiple of the period, shifted. */
    public static FixedRate ofPhase(Duration period, Duration phase) {
        return new FixedRate(Instant.EPOCH.plus(phase), period);
    }

    /** The first lattice instant strictly after {@code after}; the anchor itself when {@code after} is before it. */
    public Instant nextAfter(Instant after) {
        long sinceAnchor = after.toEpochMilli() - anchor.toEpochMilli();
        if (sinceAnchor < 0) {
            return anchor;
        }
        long k = Math.floorDiv(sinceAnchor, periodMillis) + 1;
        return anchor.plusMillis(Math.multiplyExact(k, periodMillis));
    }

    /** The last lattice instant at or before {@code at}, if the lattice has begun by then. */
    public Optional<Instant> latestAtOrBefore(Instant at) {
        long sinceAnchor = at.toEpochMilli() - anchor.toEpochMilli();
        if (sinceAnchor < 0) {
            return Optional.empty();
        }
        return Optional.of(anchor.plusMillis(Math.floorDiv(sinceAnchor, periodMillis) * periodMillis));
    }

    /** How many lattice instants lie in {@code (from, to]}: the fires missed over an outage, for a misfire policy. */
    public long countIn(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Optional<Instant> last = latestAtOrBefore(to);
        if (last.isEmpty()) {
            return 0;
        }
        Instant first = nextAfter(from);
        if (first.isAfter(last.get())) {
            return 0;
        }
        return (last.get().toEpochMilli() - first.toEpochMilli()) / periodMillis + 1;
    }

    /** The lattice as a job's schedule: every fire's local time read on {@code clock}, nothing ever skipped. */
    public Schedule on(WallClock clock) {
        return after -> {
            Instant at = nextAfter(after);
            return Optional.of(new NextFire(at, clock.localOf(at), List.of()));
        };
    }

    public Instant anchor() {
        return anchor;
    }

    public Duration period() {
        return Duration.ofMillis(periodMillis);
    }
}
