package io.campanile.api;

/**
 * How a job's fire times are produced (see {@code docs/scheduling.md}). Every type but API is computed by the
 * server that owns the job's app and kept in the database; nothing depends on a timer inside a worker.
 */
public enum ScheduleType {
    /** A CRON expression with seconds, read in the job's time zone. */
    CRON,
    /** Every {@code interval}, on a lattice anchored at {@code startAt} (the epoch when absent): never drifts. */
    FIXED_RATE,
    /**
     * Each fire {@code interval} after the previous fire's final attempt ended (never two at once); the first at
     * {@code startAt}, or {@code interval} after the job is created.
     */
    FIXED_DELAY,
    /** Once, at {@code runAt} or {@code delay} after the job is created. */
    ONE_OFF,
    /** Every {@code interval} from {@code dayStart} to {@code dayEnd} (local times) on {@code daysOfWeek}. */
    DAILY_TIME_INTERVAL,
    /** Only when asked to, through the admin API. */
    API
}
