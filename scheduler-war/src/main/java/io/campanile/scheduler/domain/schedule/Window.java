package io.campanile.scheduler.domain.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule that fires only from {@code startAt} to {@code endAt}, both inclusive (either may be absent): the job's
 * lifecycle window. Times skipped before the start are not the job's; times after the end are not either.
 */
public final class Window implements Schedule {

    private final Schedule inner;
    private final Instant startAt;
    private final Instant endAt;

    public Window(Schedule inner, Instant startAt, Instant endAt) {
        if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
            throw new IllegalArgumentException("the end " + endAt + " is before the start " + startAt);
        }
        this.inner = inner;
        this.startAt = startAt;
        this.endAt = endAt;
    }

    @Override
    public Optional<NextFire> nextAfter(Instant after) {
        Instant from = startAt != null && after.isBefore(startAt) ? startAt.minusNanos(1) : after;
        return inner.nextAfter(from)
                .filter(next -> endAt == null || !next.at().isAfter(endAt))
                .map(next -> endAt == null
                        ? next
                        : new NextFire(
                                next.at(),
                                next.local(),
                                next.skipped().stream()
                                        .filter(s -> !s.at().isAfter(endAt))
                                        .toList()));
    }
}
