package io.campanile.api.admin;

import io.campanile.api.GapRule;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;

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
 * @param misfirePolicy what missed fire times do (after an outage, a failover, a pause): FIRE_ALL (the default),
 *     FIRE_ONCE or SKIP; each one that does not run is recorded SKIPPED with its reason
 * @param catchUpWindow an ISO-8601 duration: under FIRE_ALL, missed fire times older than this are skipped; without
 *     limit when absent
 * @param overlapPolicy what a fire that comes while earlier ones are going does: ALLOW (the default), SKIP,
 *     BUFFER_ONE, BUFFER_ALL or CANCEL_RUNNING
 * @param maxConcurrent how many earlier fires may be going before a fire overlaps (1 when absent); not with ALLOW
 * @param retry how a failed instance is retried; once, with no retry, when absent
 * @param timeout an ISO-8601 duration: the time limit of an attempt ({@code PT1S} to {@code P1D}); past it the worker
 *     interrupts the processor and the attempt is TIMED_OUT (then retried per {@code retry}). None when absent
 * @param routing which workers may run the job's instances and how one is picked; any live worker with the
 *     processor, the healthiest first, when absent
 * @param logsLocal true: the job's run logs stay in the worker's own log, not sent to the scheduler; false when absent
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
        GapRule gapRule,
        MisfirePolicy misfirePolicy,
        String catchUpWindow,
        OverlapPolicy overlapPolicy,
        Integer maxConcurrent,
        RetryDefinition retry,
        String timeout,
        RoutingDefinition routing,
        Boolean logsLocal) {

    /** A job of the given type with nothing else set: the other fields through the {@code with...} methods. */
    public static JobDefinition of(String name, String processor, ScheduleType type) {
        Builder b = new Builder();
        b.name = name;
        b.processor = processor;
        b.scheduleType = type;
        b.enabled = true;
        return b.build();
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
        return of(name, processor, ScheduleType.DAILY_TIME_INTERVAL)
                .withInterval(interval)
                .with(b -> {
                    b.dayStart = dayStart.toString();
                    b.dayEnd = dayEnd.toString();
                });
    }

    public JobDefinition withParameters(String newParameters) {
        return with(b -> b.parameters = newParameters);
    }

    public JobDefinition withCron(String newCron) {
        return with(b -> b.cron = newCron);
    }

    public JobDefinition withTimeZone(String newTimeZone) {
        return with(b -> b.timeZone = newTimeZone);
    }

    public JobDefinition withEnabled(boolean newEnabled) {
        return with(b -> b.enabled = newEnabled);
    }

    public JobDefinition withInterval(Duration newInterval) {
        return with(b -> b.interval = newInterval.toString());
    }

    public JobDefinition withWindow(Instant newStartAt, Instant newEndAt) {
        return with(b -> {
            b.startAt = newStartAt;
            b.endAt = newEndAt;
        });
    }

    public JobDefinition withRunAt(Instant newRunAt) {
        return with(b -> b.runAt = newRunAt);
    }

    public JobDefinition withDelay(Duration newDelay) {
        return with(b -> b.delay = newDelay.toString());
    }

    public JobDefinition withDaysOfWeek(List<DayOfWeek> newDays) {
        return with(b -> b.daysOfWeek = newDays);
    }

    public JobDefinition withGapRule(GapRule newGapRule) {
        return with(b -> b.gapRule = newGapRule);
    }

    /** The misfire policy, and under FIRE_ALL how far back missed fire times still run (null: without limit). */
    public JobDefinition withMisfire(MisfirePolicy newPolicy, Duration newCatchUpWindow) {
        return with(b -> {
            b.misfirePolicy = newPolicy;
            b.catchUpWindow = newCatchUpWindow == null ? null : newCatchUpWindow.toString();
        });
    }

    /** The overlap policy, and how many earlier fires may be going before a fire overlaps (null: 1). */
    public JobDefinition withOverlap(OverlapPolicy newPolicy, Integer newMaxConcurrent) {
        return with(b -> {
            b.overlapPolicy = newPolicy;
            b.maxConcurrent = newMaxConcurrent;
        });
    }

    /** How a failed instance is retried (null: it is not). */
    public JobDefinition withRetry(RetryDefinition newRetry) {
        return with(b -> b.retry = newRetry);
    }

    /** The time limit of an attempt (null: none). */
    public JobDefinition withTimeout(Duration newTimeout) {
        return with(b -> b.timeout = newTimeout == null ? null : newTimeout.toString());
    }

    /** Which workers may run the job's instances and how one is picked (null: any, the healthiest first). */
    public JobDefinition withRouting(RoutingDefinition newRouting) {
        return with(b -> b.routing = newRouting);
    }

    /** Whether the job's run logs stay in the worker's own log (not sent to the scheduler). */
    public JobDefinition withLogsLocal(boolean newLogsLocal) {
        return with(b -> b.logsLocal = newLogsLocal);
    }

    /** A copy with the fields {@code change} sets. */
    private JobDefinition with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The fields of a definition, to change some of them without listing all of them at every change. */
    private static final class Builder {
        private String name;
        private String processor;
        private ScheduleType scheduleType;
        private String cron;
        private String timeZone;
        private String parameters;
        private Boolean enabled;
        private String interval;
        private Instant startAt;
        private Instant endAt;
        private Instant runAt;
        private String delay;
        private String dayStart;
        private String dayEnd;
        private List<DayOfWeek> daysOfWeek;
        private GapRule gapRule;
        private MisfirePolicy misfirePolicy;
        private String catchUpWindow;
        private OverlapPolicy overlapPolicy;
        private Integer maxConcurrent;
        private RetryDefinition retry;
        private String timeout;
        private RoutingDefinition routing;
        private Boolean logsLocal;

        Builder() {}

        Builder(JobDefinition d) {
            name = d.name;
            processor = d.processor;
            scheduleType = d.scheduleType;
            cron = d.cron;
            timeZone = d.timeZone;
            parameters = d.parameters;
            enabled = d.enabled;
            interval = d.interval;
            startAt = d.startAt;
            endAt = d.endAt;
            runAt = d.runAt;
            delay = d.delay;
            dayStart = d.dayStart;
            dayEnd = d.dayEnd;
            daysOfWeek = d.daysOfWeek;
            gapRule = d.gapRule;
            misfirePolicy = d.misfirePolicy;
            catchUpWindow = d.catchUpWindow;
            overlapPolicy = d.overlapPolicy;
            maxConcurrent = d.maxConcurrent;
            retry = d.retry;
            timeout = d.timeout;
            routing = d.routing;
            logsLocal = d.logsLocal;
        }

        JobDefinition build() {
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
                    gapRule,
                    misfirePolicy,
                    catchUpWindow,
                    overlapPolicy,
                    maxConcurrent,
                    retry,
                    timeout,
                    routing,
                    logsLocal);
        }
    }
}
