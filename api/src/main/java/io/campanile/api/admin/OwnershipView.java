package io.campanile.api.admin;

import java.time.Instant;

/** Which server owns an app, under which epoch, until when its lease runs (database time). */
public record OwnershipView(
        String appName, String ownerId, String ownerUrl, long epoch, Instant leaseUntil, boolean leaseValid) {}
