package io.campanile.api;

/**
 * Life cycle of one job instance (one fire of a job): WAITING until a worker's claim on it is accepted, then
 * RUNNING until the worker reports how it ended. SUCCEEDED and FAILED are terminal. SKIPPED is a fire time that
 * was not run, recorded with its reason (a local time that daylight saving time skipped, under the job's gap rule):
 * created terminal, it never runs. BUFFERED is a fire held back by its job's overlap policy until earlier fires end,
 * then WAITING. CANCELLED is terminal: a fire cancelled before it ended (by a newer fire under CANCEL_RUNNING).
 * TIMED_OUT is terminal: its last attempt ran longer than its job's time limit and was interrupted. A failed or
 * timed-out attempt that its job's retry policy retries sends the instance back to WAITING with the next attempt.
 */
public enum InstanceState {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    BUFFERED,
    CANCELLED,
    TIMED_OUT;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED || this == TIMED_OUT;
    }
}
