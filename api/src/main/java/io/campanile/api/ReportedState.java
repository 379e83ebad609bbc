package io.campanile.api;

/** How a worker reports that a claimed attempt ended. (That it started is its claim.) */
public enum ReportedState {
    SUCCEEDED,
    FAILED,
    /** The attempt ran longer than its time limit ({@code Assignment.timeoutMillis}); its thread was interrupted. */
    TIMED_OUT;

    public InstanceState toInstanceState() {
        return InstanceState.valueOf(name());
    }
}
