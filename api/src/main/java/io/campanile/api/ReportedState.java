package io.campanile.api;

/** The states a worker may report for an instance it was given. */
public enum ReportedState {
    RUNNING,
    SUCCEEDED,
    FAILED;

    public InstanceState toInstanceState() {
        return InstanceState.valueOf(name());
    }
}
