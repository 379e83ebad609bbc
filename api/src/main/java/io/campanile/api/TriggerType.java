package io.campanile.api;

/** What created an instance: the job's schedule, a run request through the admin API, or a backfill request. */
public enum TriggerType {
    SCHEDULE,
    API,
    /** A past fire time of the job's schedule, run again on request ({@code POST .../jobs/{job}/backfill}). */
    BACKFILL
}
