package io.campanile.api.admin;

import io.campanile.api.ScheduleType;
import java.time.Instant;

/**
 * A job as the admin API shows it; {@code nextFireTime} is null for API jobs and for jobs that no longer fire.
 *
 * @param scheduleError why the job stopped firing on its own (its schedule could not be computed); null while it
 *     fires
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
        String scheduleError) {}
