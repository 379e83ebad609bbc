package io.campanile.api;

/**
 * Life cycle of one job instance (one fire of a job): WAITING until a worker's claim on it is accepted, then
 * RUNNING until the worker reports how it ended. SUCCEEDED and FAILED are terminal. SKIPPED is a fire time that
 * was not run, recorded with its reason (a local time that daylight saving time skipped, under the job's gap rule):
 * created terminal, it never runs. BUFFERED is a fire held back by its job's overlap policy until earlier fires end,
 * then WAITING. CANCELLED is terminal: a fire cancelled before it ended (by a newer fire under CANCEL_RUNNING).
 */
public enum InstanceState {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    BUFFERED,
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }
}
