package io.campanile.api.admin;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * Creates a job of an app, or checks one without saving it (the preview). Which fields a schedule type uses is in
 * {@code docs/scheduling.md}; a field another type uses is refused rather than ignored.
 *
 * @param name unique within the app
 * @param processor the name of the processor bean in the app's workers
 * @param scheduleType CRON (needs {@code cron}), FIXED_RATE (needs {@code interval}), ONE_OFF (needs {@code runAt}
 *     or {@code delay}), DAILY_TIME_INTERVAL (needs {@code interval}, {@code dayStart}, {@code dayEnd}) or API (runs
 *     only on request); CRON when absent and {@code cron} is given, else API
 * @param cron six fields with seconds first: {@code sec min hour day-of-month month day-of-week}
 * @param timeZone IANA zone id the schedule's local times are read in; UTC when absent
 * @param parameters passed to the processor as they are; may be null. The server accepts any JSON value here: a
 *     JSON string is passed as it is, any other value as its JSON text
 * @param enabled true when absent
 * @param interval an ISO-8601 duration ({@code PT5S}, {@code PT15M}): the period of a FIXED_RATE or
 *     DAILY_TIME_INTERVAL job
 * @param startAt the first instant the job may fire at (inclusive); a FIXED_RATE job's lattice is anchored here
 * @param endAt the last instant the job may fire at (inclusive); after it the job no longer fires
 * @param runAt the instant a ONE_OFF job fires at
 * @param delay an ISO-8601 duration: a ONE_OFF job fires this long after it is created (instead of {@code runAt})
 * @param dayStart the first local time of day a DAILY_TIME_INTERVAL job fires at ({@code 09:00})
 * @param dayEnd the last local time of day it may fire at (inclusive, {@code 17:00})
 * @param daysOfWeek the days a DAILY_TIME_INTERVAL job fires on; every day when absent
 * @param gapRule what a local time that daylight saving time skips does: FIRE_AFTER_GAP (the default) or SKIP
 */
public record JobDefinition(
        String name,
        String processor,
        ScheduleType scheduleType,
        String cron,
        String timeZone,
        @AnyJsonValue String parameters,
        Boolean enabled,
        String interval,
        Instant startAt,
        Instant endAt,
        Instant runAt,
        String delay,
        String dayStart,
        String dayEnd,
        List<DayOfWeek> daysOfWeek,
        GapRule gapRule) {

    /** A job of the given type with nothing else set: the other fields through the {@code with...} methods. */
    public static JobDefinition of(String name, String processor, ScheduleType type) {
        return new JobDefinition(
                name, processor, type, null, null, null, true, null, null, null, null, null, null, null, null, null);
    }

    public static JobDefinition cron(String name, String processor, String cron) {
        return of(name, processor, ScheduleType.CRON).withCron(cron);
    }

    public static JobDefinition onDemand(String name, String processor) {
        return of(name, processor, ScheduleType.API);
    }

    public static JobDefinition fixedRate(String name, String processor, Duration interval) {
        return of(name, processor, ScheduleType.FIXED_RATE).withInterval(interval);
    }

    public static JobDefinition oneOff(String name, String processor, Instant runAt) {
        return of(name, processor, ScheduleType.ONE_OFF).withRunAt(runAt);
    }

    public static JobDefinition dailyTimeInterval(
            String name, String processor, LocalTime dayStart, LocalTime dayEnd, Duration interval) {
        return new JobDefinition(
                name,
                processor,
                ScheduleType.DAILY_TIME_INTERVAL,
                null,
                null,
                null,
                true,
                interval.toString(),
                null,
                null,
                null,
                null,
                dayStart.toString(),
                dayEnd.toString(),
                null,
                null);
    }

    public JobDefinition withParameters(String newParameters) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                newParameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withCron(String newCron) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                newCron,
                timeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withTimeZone(String newTimeZone) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                newTimeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withEnabled(boolean newEnabled) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                newEnabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withInterval(Duration newInterval) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                newInterval.toString(),
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    /** The job fires from {@code newStartAt} to {@code newEndAt}, both inclusive; either may be null. */
    public JobDefinition withWindow(Instant newStartAt, Instant newEndAt) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                interval,
                newStartAt,
                newEndAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withRunAt(Instant newRunAt) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                newRunAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withDelay(Duration newDelay) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                newDelay.toString(),
                dayStart,
                dayEnd,
                daysOfWeek,
                gapRule);
    }

    public JobDefinition withDaysOfWeek(List<DayOfWeek> newDays) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                newDays,
                gapRule);
    }

    public JobDefinition withGapRule(GapRule newGapRule) {
        return new JobDefinition(
                name,
                processor,
                scheduleType,
                cron,
                timeZone,
                parameters,
                enabled,
                interval,
                startAt,
                endAt,
                runAt,
                delay,
                dayStart,
                dayEnd,
                daysOfWeek,
                newGapRule);
    }
}
