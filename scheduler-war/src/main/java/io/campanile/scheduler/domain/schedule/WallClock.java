package io.campanile.scheduler.domain.schedule;

import io.campanile.api.GapRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * The local times of one time zone as instants, with the daylight-saving rule stated once for every schedule that
 * fires at local times (CRON, daily time intervals):
 *
 * <ul>
 *   <li>a local time that exists once is that instant;
 *   <li>a local time that occurs twice (the clocks moved back) is its <em>first</em> occurrence, so it fires once:
 *       in Europe/Berlin on 27 October 2024 the clocks went back from 03:00 to 02:00, and a fire at 02:30 fired at
 *       02:30+02:00 only;
 *   <li>a local time that does not exist (the clocks moved forward over it) follows the {@link GapRule}: it is the
 *       first instant after the gap, or it is skipped, with a reason that says which change skipped it.
 * </ul>
 *
 * {@code ZonedDateTime.of} instead moves a time in a gap forward by the length of the gap (02:30 to 03:30), which
 * would fire two different gap times at two different instants after the change, and keeps the earlier offset in
 * an overlap only by convention; the rule here is explicit and tested.
 */
public final class WallClock {

    /** A local time resolved: the instant it fires at, or the reason it is skipped (then {@code at} is the change). */
    public record Resolved(LocalDateTime local, Instant at, String skipReason) {

        public boolean skipped() {
            return skipReason != null;
        }
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final GapRule gapRule;

    public WallClock(ZoneId zone, GapRule gapRule) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.gapRule = Objects.requireNonNull(gapRule, "gapRule");
    }

    public ZoneId zone() {
        return zone;
    }

    public GapRule gapRule() {
        return gapRule;
    }

    /** The instant {@code local} fires at under this clock's rule, or why it does not fire. */
    public Resolved resolve(LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return new Resolved(local, local.toInstant(offsets.get(0)), null);
        }
        if (offsets.size() == 2) {
            Instant first = local.toInstant(offsets.get(0));
            Instant second = local.toInstant(offsets.get(1));
            return new Resolved(local, first.isBefore(second) ? first : second, null);
        }
        ZoneOffsetTransition gap = rules.getTransition(local);
        if (gapRule == GapRule.FIRE_AFTER_GAP) {
            return new Resolved(local, gap.getInstant(), null);
        }
        return new Resolved(
                local,
                gap.getInstant(),
                "local time " + local + " does not exist in " + zone + ": the clocks moved forward from "
                        + gap.getDateTimeBefore().toLocalTime() + " to "
                        + gap.getDateTimeAfter().toLocalTime()
                        + " (" + gap.getOffsetBefore() + " to " + gap.getOffsetAfter() + ")");
    }

    /** The local time of {@code instant} in this zone. */
    public LocalDateTime localOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
