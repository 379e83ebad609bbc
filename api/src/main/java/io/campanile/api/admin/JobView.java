package io.campanile.api.admin;

import io.campanile.api.GapRule;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/**
 * A job as the admin API shows it; {@code nextFireTime} is null for API jobs and for jobs that no longer fire.
 *
 * @param scheduleError why the job stopped firing on its own (its schedule could not be computed); null while it
 *     fires
 * @param warning why the job's fires cannot run now, as the app's owner last saw its workers (no live worker, or
 *     none with the job's processor); null when nothing is wrong or nothing is known yet
 * @param revision moves with each change through the admin API (update, pause, resume, delete); send it as {@code
 *     If-Match} with an update, which is refused with 409 if the job changed since
 * @param pausedNote why the job was paused; null while it is enabled or when no note was given
 * @param deletedAt when the job was deleted; null while it exists. A deleted job no longer fires and its name is free
 *     again; it stays readable by id with its instances
 * @param misfirePolicy what missed fire times do; null for an API job
 * @param catchUpWindow under FIRE_ALL, how far back missed fire times still run (ISO-8601); null: without limit
 * @param overlapPolicy what a fire that comes while earlier ones are going does
 * @param maxConcurrent how many earlier fires may be going before a fire overlaps
 * @param retry the job's retry policy with every field given (its defaults filled in)
 * @param timeout the time limit of an attempt (ISO-8601); null: none
 * @param routing which workers may run the job's instances and how one is picked, with its strategy given
 * @param logsLocal whether the job's run logs stay in the worker's own log
 * @see JobDefinition for the schedule's fields
 */
public record JobView(
        long id,
        String appName,
        String name,
        String processor,
        ScheduleType scheduleType,
        String cron,
        String timeZone,
        String parameters,
        boolean enabled,
        Instant nextFireTime,
        Instant createdAt,
        String scheduleError,
        String warning,
        String interval,
        Instant startAt,
        Instant endAt,
        Instant runAt,
        String dayStart,
        String dayEnd,
        List<DayOfWeek> daysOfWeek,
        GapRule gapRule,
        long revision,
        String pausedNote,
        Instant deletedAt,
        MisfirePolicy misfirePolicy,
        String catchUpWindow,
        OverlapPolicy overlapPolicy,
        int maxConcurrent,
        RetryDefinition retry,
        String timeout,
        RoutingDefinition routing,
        boolean logsLocal) {}
