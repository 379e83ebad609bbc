package io.campanile.scheduler.domain.election;

import io.campanile.api.OwnershipChangeReason;
import java.time.Instant;

/** One row of the ownership history. */
public record OwnershipChange(
        long id,
        String appName,
        String oldOwnerId,
        String newOwnerId,
        long epoch,
        OwnershipChangeReason reason,
        Instant changedAt) {}
