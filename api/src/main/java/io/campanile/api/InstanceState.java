package io.campanile.api;

/**
 * Life cycle of one job instance (one fire of a job): WAITING until a worker's claim on it is accepted, then
 * RUNNING until the worker reports how it ended. SUCCEEDED and FAILED are terminal.
 */
public enum InstanceState {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
