package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;

/**
 * Where an instance stands after a set-based claim or outcome update: read back in the same transaction, it
 * tells the caller which of the requested attempts are now the worker's (or recorded) and why the others
 * are not.
 */
public record AttemptSnapshot(long instanceId, int attempt, InstanceState state, String workerId, long epoch) {

    public boolean isRunningOn(int attemptNumber, String worker) {
        return attempt == attemptNumber && state == InstanceState.RUNNING && worker.equals(workerId);
    }

    public boolean endedAs(int attemptNumber, InstanceState outcome, String worker) {
        return attempt == attemptNumber && state == outcome && worker.equals(workerId);
    }
}
