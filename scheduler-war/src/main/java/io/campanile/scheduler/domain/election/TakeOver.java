package io.campanile.scheduler.domain.election;

import io.campanile.api.OwnershipChangeReason;

/**
 * A compare-and-set change of owner: it succeeds only if the app is still at {@code expectedEpoch}
 * and, for a first claim or an expired lease, only if the lease has indeed expired (database time).
 * A disowned or handed-over app also requires the recorded owner to be {@code expectedOwnerId}.
 */
public record TakeOver(
        String appName,
        long expectedEpoch,
        String expectedOwnerId,
        ServerIdentity newOwner,
        OwnershipChangeReason reason,
        long leaseMillis) {

    public boolean requiresExpiredLease() {
        return reason == OwnershipChangeReason.LEASE_EXPIRED || reason == OwnershipChangeReason.FIRST_CLAIM;
    }

    public long newEpoch() {
        return expectedEpoch + 1;
    }
}
