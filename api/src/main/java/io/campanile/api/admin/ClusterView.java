package io.campanile.api.admin;

import java.time.Instant;
import java.util.List;

/** The cluster as the database records it: servers, app owners and the latest ownership changes. */
public record ClusterView(
        Instant databaseTime,
        List<ServerView> servers,
        List<OwnershipView> ownerships,
        List<OwnershipChangeView> history) {}
