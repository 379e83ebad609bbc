package io.campanile.api;

/** How a job's fire times are produced. API jobs only run when asked to. */
public enum ScheduleType {
    CRON,
    API
}
