package io.campanile.api;

/** How a worker reports that a claimed attempt ended. (That it started is its claim.) */
public enum ReportedState {
    SUCCEEDED,
    FAILED;

    public InstanceState toInstanceState() {
        return InstanceState.valueOf(name());
    }
}
