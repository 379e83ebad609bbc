package io.campanile.scheduler.application;

import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import io.campanile.scheduler.domain.schedule.CronSchedule;
import io.campanile.scheduler.domain.schedule.DailyTimeInterval;
import io.campanile.scheduler.domain.schedule.FixedDelay;
import io.campanile.scheduler.domain.schedule.FixedRate;
import io.campanile.scheduler.domain.schedule.Schedule;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the schedule of a job definition: which fields its type needs and which it must not have, each refused
 * with the name of the field and what is wrong with it. A field that another type uses is refused rather than
 * ignored, so that a job never silently means something else than what was written.
 */
final class ScheduleDefinitions {

    /** The longest duration accepted: far enough ahead for any schedule, short enough never to overflow. */
    private static final Duration MAX_DURATION = Duration.ofDays(366 * 100);

    private ScheduleDefinitions() {}

    /** The type a definition asks for: CRON when a CRON expression is given, else API, when it names none. */
    static ScheduleType typeOf(JobDefinition d) {
        return d.scheduleType() != null ? d.scheduleType() : d.cron() != null ? ScheduleType.CRON : ScheduleType.API;
    }

    /**
     * The schedule of {@code d}, checked to fire at least once from {@code now} (an API job never fires).
     *
     * @throws RequestRejected naming the field that is missing, not allowed or wrong
     */
    static ScheduleSpec read(JobDefinition d, Instant now) {
        ScheduleType type = typeOf(d);
        ZoneId zone = zone(d.timeZone());
        refuseOthers(type, d);
        Duration interval = duration("interval", d.interval());
        Instant runAt = d.runAt();
        Duration delay = duration("delay", d.delay());
        if (type == ScheduleType.ONE_OFF) {
            if ((runAt == null) == (delay == null)) {
                throw RequestRejected.invalid("runAt", "a ONE_OFF job needs either runAt or delay, not both");
            }
            if (delay != null) {
                runAt = now.plus(delay);
            }
        }
        if (d.daysOfWeek() != null && d.daysOfWeek().stream().anyMatch(Objects::isNull)) {
            throw RequestRejected.invalid("daysOfWeek", "names a day as null");
        }
        if (d.startAt() != null && d.endAt() != null && d.endAt().isBefore(d.startAt())) {
            throw RequestRejected.invalid("endAt", "is before startAt (" + d.startAt() + ")");
        }
        ScheduleSpec spec = new ScheduleSpec(
                type,
                d.cron() == null ? null : d.cron().trim(),
                zone,
                interval,
                d.startAt(),
                d.endAt(),
                runAt,
                time("dayStart", d.dayStart()),
                time("dayEnd", d.dayEnd()),
                d.daysOfWeek() == null || d.daysOfWeek().isEmpty() ? null : EnumSet.copyOf(d.daysOfWeek()),
                d.gapRule());
        check(spec, now);
        return spec;
    }

    /** The zone of a definition: UTC when absent. */
    static ZoneId zone(String timeZone) {
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : Check.identifier("timeZone", timeZone, 64);
        try {
            return CronSchedule.zone(zone);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("timeZone", Check.cut(e.getMessage()));
        }
    }

    private static void check(ScheduleSpec spec, Instant now) {
        switch (spec.type()) {
            case CRON -> {
                Check.present("cron", spec.cron());
                try {
                    CronSchedule.parse(spec.cron(), spec.zone(), spec.gapRule()).checkFires(now);
                } catch (IllegalArgumentException e) {
                    throw RequestRejected.invalid("cron", e.getMessage());
                }
            }
            case FIXED_RATE -> {
                Check.present("interval", spec.interval());
                if (spec.interval().compareTo(FixedRate.MIN_PERIOD) < 0) {
                    throw RequestRejected.invalid(
                            "interval",
                            "a fixed rate's interval is at least " + FixedRate.MIN_PERIOD.toMillis() + " ms");
                }
            }
            case FIXED_DELAY -> {
                Check.present("interval", spec.interval());
                if (spec.interval().compareTo(FixedDelay.MIN_DELAY) < 0) {
                    throw RequestRejected.invalid(
                            "interval",
                            "a fixed delay's interval is at least " + FixedDelay.MIN_DELAY.toMillis() + " ms");
                }
            }
            case DAILY_TIME_INTERVAL -> {
                Check.present("interval", spec.interval());
                Check.present("dayStart", spec.dayStart());
                Check.present("dayEnd", spec.dayEnd());
                if (spec.dayEnd().isBefore(spec.dayStart())) {
                    throw RequestRejected.invalid(
                            "dayEnd",
                            "is before dayStart (" + spec.dayStart()
                                    + "); an interval that crosses midnight is two jobs");
                }
                if (spec.interval().compareTo(DailyTimeInterval.MIN_INTERVAL) < 0
                        || spec.interval().toNanos() % 1_000_000_000L != 0) {
                    throw RequestRejected.invalid(
                            "interval", "a daily time interval's interval is a whole number of seconds, at least 1");
                }
            }
            case ONE_OFF, API -> {
                // checked above: a one-off has its instant, an API job has no schedule fields
            }
        }
        Optional<Schedule> schedule;
        try {
            schedule = spec.schedule();
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("scheduleType", Check.cut(e.getMessage()));
        }
        if (schedule.isPresent()
                && schedule.get().firstFrom(spec.firstFrom(now)).isEmpty()) {
            throw RequestRejected.invalid(
                    spec.endAt() != null ? "endAt" : "scheduleType",
                    "the schedule never fires" + (spec.endAt() != null ? " before its end " + spec.endAt() : ""));
        }
    }

    /** Refuses the fields that belong to other schedule types. */
    private static void refuseOthers(ScheduleType type, JobDefinition d) {
        Map<String, Function<JobDefinition, Object>> fields = new LinkedHashMap<>();
        fields.put("cron", JobDefinition::cron);
        fields.put("interval", JobDefinition::interval);
        fields.put("runAt", JobDefinition::runAt);
        fields.put("delay", JobDefinition::delay);
        fields.put("dayStart", JobDefinition::dayStart);
        fields.put("dayEnd", JobDefinition::dayEnd);
        fields.put("daysOfWeek", JobDefinition::daysOfWeek);
        fields.put("gapRule", JobDefinition::gapRule);
        fields.put("startAt", JobDefinition::startAt);
        fields.put("endAt", JobDefinition::endAt);
        for (Map.Entry<String, Function<JobDefinition, Object>> field : fields.entrySet()) {
            if (field.getValue().apply(d) != null && !uses(type, field.getKey())) {
                throw RequestRejected.invalid(field.getKey(), "a " + type + " job has no " + field.getKey());
            }
        }
    }

    private static boolean uses(ScheduleType type, String field) {
        return switch (field) {
            case "cron" -> type == ScheduleType.CRON;
            case "interval" -> type == ScheduleType.FIXED_RATE
                    || type == ScheduleType.FIXED_DELAY
                    || type == ScheduleType.DAILY_TIME_INTERVAL;
            case "runAt", "delay" -> type == ScheduleType.ONE_OFF;
            case "dayStart", "dayEnd", "daysOfWeek" -> type == ScheduleType.DAILY_TIME_INTERVAL;
            case "gapRule" -> type == ScheduleType.CRON || type == ScheduleType.DAILY_TIME_INTERVAL;
            case "startAt", "endAt" -> type == ScheduleType.CRON
                    || type == ScheduleType.FIXED_RATE
                    || type == ScheduleType.FIXED_DELAY
                    || type == ScheduleType.DAILY_TIME_INTERVAL;
            default -> false;
        };
    }

    /** An ISO-8601 duration of a request, between zero and a hundred years; null when absent. */
    static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        Check.identifier(field, text, 40);
        Duration duration;
        try {
            duration = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid(
                    field, Check.quote(text) + " is not an ISO-8601 duration such as PT5S or PT15M");
        }
        if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
            throw RequestRejected.invalid(field, "must be between PT0S and " + MAX_DURATION);
        }
        return duration;
    }

    private static LocalTime time(String field, String text) {
        if (text == null) {
            return null;
        }
        Check.identifier(field, text, 20);
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            throw RequestRejected.invalid(field, Check.quote(text) + " is not a time of day such as 09:00 or 17:30:00");
        }
    }
}
