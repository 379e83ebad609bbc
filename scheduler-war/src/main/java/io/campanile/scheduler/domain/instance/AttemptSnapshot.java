package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;

/**
 * Where an instance stands after a set-based claim or outcome update: read back in the same transaction, it
 * tells the caller which of the requested attempts are now the worker's (or recorded) and why the others
 * are not.
 */
public record AttemptSnapshot(long instanceId, int attempt, InstanceState state, String workerId, long epoch) {

    /**
     * The epoch of a snapshot built from an outcome update that changed every row it was asked to, rather than
     * read back: an outcome does not change the epoch, and nothing asks for it.
     */
    public static final long EPOCH_NOT_READ = -1;

    /**
     * Whether the attempt runs on the worker under that claim's epoch: a claim repeated under the same epoch is
     * claimed again, while the same attempt handed out again under a newer epoch (a new owner's snapshot taken
     * just before the first claim committed) is not, so the worker cannot run it twice.
     */
    public boolean isRunningOn(int attemptNumber, String worker, long claimEpoch) {
        return attempt == attemptNumber
                && state == InstanceState.RUNNING
                && worker.equals(workerId)
                && epoch == claimEpoch;
    }

    public boolean endedAs(int attemptNumber, InstanceState outcome, String worker) {
        return attempt == attemptNumber && state == outcome && worker.equals(workerId);
    }
}
