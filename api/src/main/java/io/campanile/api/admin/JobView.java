package io.campanile.api.admin;

import io.campanile.api.ScheduleType;
import java.time.Instant;

/** A job as the admin API shows it; {@code nextFireTime} is null for API jobs. */
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
        Instant createdAt) {}
