package io.campanile.api;

/** What created an instance: the job's schedule or a run request through the admin API. */
public enum TriggerType {
    SCHEDULE,
    API
}
