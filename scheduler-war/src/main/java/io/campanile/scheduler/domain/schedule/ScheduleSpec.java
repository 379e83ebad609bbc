package io.campanile.scheduler.domain.schedule;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a job's schedule is, as stored with the job: its type and the fields that type uses. The checks that name a
 * field of the request are made where the request is read; the constructor refuses what no schedule could be.
 *
 * @param interval the period of a fixed rate or a daily time interval, the delay of a fixed delay
 * @param startAt the first instant the job may fire at, inclusive; a fixed rate's anchor
 * @param endAt the last instant the job may fire at, inclusive
 * @param runAt when a one-off fires
 * @param days the days of week of a daily time interval
 */
public record ScheduleSpec(
        ScheduleType type,
        String cron,
        ZoneId zone,
        Duration interval,
        Instant startAt,
        Instant endAt,
        Instant runAt,
        LocalTime dayStart,
        LocalTime dayEnd,
        Set<DayOfWeek> days,
        GapRule gapRule) {

    public ScheduleSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(zone, "zone");
        gapRule = gapRule == null ? GapRule.FIRE_AFTER_GAP : gapRule;
        days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** A CRON or API schedule, the only types there were before the others. */
    public static ScheduleSpec of(ScheduleType type, String cron, ZoneId zone) {
        return new ScheduleSpec(type, cron, zone, null, null, null, null, null, null, null, null);
    }

    /**
     * The fire times; empty for an API job, which fires only when asked to.
     *
     * @throws IllegalArgumentException if the fields do not make a schedule of the type
     */
    public Optional<Schedule> schedule() {
        Schedule times =
                switch (type) {
                    case CRON -> CronSchedule.parse(cron, zone, gapRule);
                    case FIXED_RATE -> new FixedRate(startAt != null ? startAt : Instant.EPOCH, required(interval))
                            .on(new WallClock(zone, gapRule));
                    case FIXED_DELAY -> new FixedDelay(required(interval), startAt, zone);
                    case ONE_OFF -> new OneOff(required(runAt), zone);
                    case DAILY_TIME_INTERVAL -> new DailyTimeInterval(
                            new WallClock(zone, gapRule),
                            required(dayStart),
                            required(dayEnd),
                            required(interval),
                            days);
                    case API -> null;
                };
        if (times == null) {
            return Optional.empty();
        }
        return Optional.of(startAt == null && endAt == null ? times : new Window(times, startAt, endAt));
    }

    /** Where the job's fire times start: at its creation, or at a one-off's instant even if that has passed. */
    public Instant firstFrom(Instant createdAt) {
        return type == ScheduleType.ONE_OFF && runAt != null && runAt.isBefore(createdAt) ? runAt : createdAt;
    }

    private <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("a " + type + " schedule is missing a field it needs");
        }
        return value;
    }
}
