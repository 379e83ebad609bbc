package io.campanile.scheduler.domain.schedule;

import java.time.Instant;
import java.util.Optional;

/** When a job fires: every schedule type answers the same question, so that firing is written once. */
@FunctionalInterface
public interface Schedule {

    /**
     * The first fire strictly after {@code after}, with the fire times the schedule skipped on the way (local times
     * in a daylight-saving gap under the SKIP rule); empty when it never fires again.
     *
     * @throws UncomputableSchedule if the fire time cannot be computed
     */
    Optional<NextFire> nextAfter(Instant after);

    /** The first fire time strictly after {@code after}. */
    default Optional<Instant> nextTimeAfter(Instant after) {
        return nextAfter(after).map(NextFire::at);
    }

    /** The first fire at or after {@code instant}: where a schedule starts. */
    default Optional<NextFire> firstFrom(Instant instant) {
        return nextAfter(instant.minusNanos(1));
    }
}
