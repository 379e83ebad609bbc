package io.campanile.scheduler.domain.schedule;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/** Test builder of {@link ScheduleSpec}s: name the type, then only the fields a test cares about (zone UTC). */
public final class ScheduleSpecBuilder {

    private final ScheduleType type;
    private String cron;
    private ZoneId zone = ZoneOffset.UTC;
    private Duration interval;
    private Instant startAt;
    private Instant endAt;
    private Instant runAt;
    private LocalTime dayStart;
    private LocalTime dayEnd;
    private Set<DayOfWeek> days;
    private GapRule gapRule;

    private ScheduleSpecBuilder(ScheduleType type) {
        this.type = type;
    }

    public static ScheduleSpecBuilder cron(String expression) {
        ScheduleSpecBuilder builder = new ScheduleSpecBuilder(ScheduleType.CRON);
        builder.cron = expression;
        return builder;
    }

    public static ScheduleSpecBuilder fixedRate(Duration every) {
        return withInterval(ScheduleType.FIXED_RATE, every);
    }

    public static ScheduleSpecBuilder fixedDelay(Duration delay) {
        return withInterval(ScheduleType.FIXED_DELAY, delay);
    }

    public static ScheduleSpecBuilder oneOff(Instant at) {
        ScheduleSpecBuilder builder = new ScheduleSpecBuilder(ScheduleType.ONE_OFF);
        builder.runAt = at;
        return builder;
    }

    public static ScheduleSpecBuilder dailyTimeInterval(LocalTime from, LocalTime to, Duration every) {
        ScheduleSpecBuilder builder = withInterval(ScheduleType.DAILY_TIME_INTERVAL, every);
        builder.dayStart = from;
        builder.dayEnd = to;
        return builder;
    }

    /** Any type, every field left empty: for the checks that refuse a spec missing what its type needs. */
    public static ScheduleSpecBuilder ofType(ScheduleType type) {
        return new ScheduleSpecBuilder(type);
    }

    private static ScheduleSpecBuilder withInterval(ScheduleType type, Duration interval) {
        ScheduleSpecBuilder builder = new ScheduleSpecBuilder(type);
        builder.interval = interval;
        return builder;
    }

    public ScheduleSpecBuilder in(ZoneId timeZone) {
        this.zone = timeZone;
        return this;
    }

    public ScheduleSpecBuilder interval(Duration value) {
        this.interval = value;
        return this;
    }

    public ScheduleSpecBuilder runAt(Instant at) {
        this.runAt = at;
        return this;
    }

    public ScheduleSpecBuilder startAt(Instant at) {
        this.startAt = at;
        return this;
    }

    public ScheduleSpecBuilder endAt(Instant at) {
        this.endAt = at;
        return this;
    }

    public ScheduleSpecBuilder on(DayOfWeek first, DayOfWeek... more) {
        this.days = EnumSet.of(first, more);
        return this;
    }

    public ScheduleSpecBuilder on(Set<DayOfWeek> chosen) {
        this.days = EnumSet.copyOf(chosen);
        return this;
    }

    public ScheduleSpecBuilder gapRule(GapRule rule) {
        this.gapRule = rule;
        return this;
    }

    public ScheduleSpec build() {
        return new ScheduleSpec(type, cron, zone, interval, startAt, endAt, runAt, dayStart, dayEnd, days, gapRule);
    }
}
