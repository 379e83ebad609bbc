package io.campanile.scheduler.domain.job;

import io.campanile.api.MisfirePolicy;
import io.campanile.scheduler.domain.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A job's misfire policy applied to one run of missed fire times: which of them are skipped, and why. A fire time
 * is missed when it is older than {@code threshold} at {@code now}; the missed fire times before
 * {@link #skipUntil()} are skipped with {@link #reason()}, the others run (late).
 *
 * @param skipUntil missed fire times strictly before this instant are skipped; null: none is
 * @param reason why they are skipped, as recorded on each
 */
public record Misfire(Instant skipUntil, String reason) {

    /**
     * The plan for the missed fire times from {@code firstMissed} on.
     *
     * @param missedBefore fire times before this instant are missed ({@code now} minus the threshold)
     * @param catchUpWindow how far back FIRE_ALL runs missed fire times; null: without limit
     */
    public static Misfire plan(
            MisfirePolicy policy, Duration catchUpWindow, Schedule schedule, Instant missedBefore, Instant now) {
        return switch (policy) {
            case FIRE_ALL -> catchUpWindow == null
                    ? new Misfire(null, null)
                    : new Misfire(
                            earlier(now.minus(catchUpWindow), missedBefore),
                            "missed, and older than the job's catch-up window of " + catchUpWindow
                                    + " when the owner came to it at " + now);
            case FIRE_ONCE -> latestBefore(schedule, missedBefore)
                    .map(latest -> new Misfire(
                            latest,
                            "missed; the latest missed fire time, " + latest
                                    + ", ran once for all of them (misfire policy FIRE_ONCE)"))
                    .orElse(new Misfire(null, null));
            case SKIP -> new Misfire(missedBefore, "missed (misfire policy SKIP): the owner came to it at " + now);
        };
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether this missed fire time is skipped (only missed fire times are: the plan never reaches later). */
    public boolean skips(Instant fireTime) {
        return skipUntil != null && fireTime.isBefore(skipUntil);
    }

    /**
     * The latest fire time strictly before {@code limit}, found by looking back from it over a span that doubles
     * until a fire time is in it (a few steps for any schedule), then forward through that span.
     */
    static Optional<Instant> latestBefore(Schedule schedule, Instant limit) {
        Duration span = Duration.ofSeconds(1);
        for (int i = 0; i < 40; i++, span = span.multipliedBy(2)) {
            Optional<Instant> found = schedule.nextTimeAfter(limit.minus(span).minusNanos(1));
            if (found.isPresent() && found.get().isBefore(limit)) {
                Instant latest = found.get();
                for (Optional<Instant> next = schedule.nextTimeAfter(latest);
                        next.isPresent() && next.get().isBefore(limit);
                        next = schedule.nextTimeAfter(latest)) {
                    latest = next.get();
                }
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }
}
