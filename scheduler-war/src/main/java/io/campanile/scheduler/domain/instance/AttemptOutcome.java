package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;

/** How a worker says an attempt ended: a terminal state and its message (may be null). */
public record AttemptOutcome(Attempt attempt, InstanceState state, String message) {

    public AttemptOutcome {
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("an outcome is terminal, not " + state);
        }
    }
}
