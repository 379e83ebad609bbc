package io.campanile.scheduler.domain.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Fires once, at an instant. */
public final class OneOff implements Schedule {

    private final Instant at;
    private final ZoneId zone;

    public OneOff(Instant at, ZoneId zone) {
        this.at = at;
        this.zone = zone;
    }

    @Override
    public Optional<NextFire> nextAfter(Instant after) {
        return at.isAfter(after)
                ? Optional.of(new NextFire(at, java.time.LocalDateTime.ofInstant(at, zone), List.of()))
                : Optional.empty();
    }
}
