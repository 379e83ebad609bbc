package io.campanile.api.admin;

import io.campanile.api.ScheduleType;

/**
 * Creates a job of an app.
 *
 * @param name unique within the app
 * @param processor the name of the processor bean in the app's workers
 * @param scheduleType CRON (needs {@code cron}) or API (runs only on request)
 * @param cron six fields with seconds first: {@code sec min hour day-of-month month day-of-week}
 * @param timeZone IANA zone id the CRON expression is read in; UTC when absent
 * @param parameters passed to the processor as they are; may be null. The server accepts any JSON
 *     value here: a JSON string is passed as it is, any other value as its JSON text
 * @param enabled true when absent
 */
public record JobDefinition(
        String name,
        String processor,
        ScheduleType scheduleType,
        String cron,
        String timeZone,
        @AnyJsonValue String parameters,
        Boolean enabled) {

    public static JobDefinition cron(String name, String processor, String cron) {
        return new JobDefinition(name, processor, ScheduleType.CRON, cron, null, null, true);
    }

    public static JobDefinition onDemand(String name, String processor) {
        return new JobDefinition(name, processor, ScheduleType.API, null, null, null, true);
    }

    public JobDefinition withParameters(String newParameters) {
        return new JobDefinition(name, processor, scheduleType, cron, timeZone, newParameters, enabled);
    }
}
