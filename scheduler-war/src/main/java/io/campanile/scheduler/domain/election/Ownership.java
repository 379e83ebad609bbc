package io.campanile.scheduler.domain.election;

import java.time.Instant;

/**
 * The {@code server_info} row of an app as read, with the lease judged on database time at the
 * moment of reading. {@code ownerId} is null before anyone claimed the app (epoch 0).
 */
public record Ownership(
        String appName, String ownerId, String ownerUrl, long epoch, Instant leaseUntil, boolean leaseValid) {

    public boolean isOwnedBy(String serverId) {
        return serverId.equals(ownerId);
    }

    public boolean isUnclaimed() {
        return ownerId == null;
    }
}
