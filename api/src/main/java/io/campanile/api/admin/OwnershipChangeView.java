package io.campanile.api.admin;

import io.campanile.api.OwnershipChangeReason;
import java.time.Instant;

/** One change of an app's owner, as kept in the ownership history. */
public record OwnershipChangeView(
        long id,
        String appName,
        String oldOwnerId,
        String newOwnerId,
        long epoch,
        OwnershipChangeReason reason,
        Instant changedAt) {}
