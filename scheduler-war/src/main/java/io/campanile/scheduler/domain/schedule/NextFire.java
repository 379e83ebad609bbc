package io.campanile.scheduler.domain.schedule;

import io.campanile.api.GapRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The next fire of a schedule, with the fire times it skipped on the way there (local times in a daylight-saving
 * gap under {@link GapRule#SKIP}), so that each can be recorded as a skipped instance with its reason instead of
 * vanishing.
 *
 * @param at the instant to fire at
 * @param local the local time that fires, in the schedule's zone
 * @param skipped the fire times between the previous fire and this one that do not fire, earliest first
 */
public record NextFire(Instant at, LocalDateTime local, List<WallClock.Resolved> skipped) {

    public NextFire {
        skipped = List.copyOf(skipped);
    }
}
