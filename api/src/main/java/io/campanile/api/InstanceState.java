package io.campanile.api;

/** Life cycle of one job instance (one fire of a job). SUCCEEDED and FAILED are terminal. */
public enum InstanceState {
    WAITING,
    DISPATCHED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
