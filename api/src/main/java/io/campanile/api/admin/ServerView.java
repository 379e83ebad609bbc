package io.campanile.api.admin;

import java.time.Instant;

/** A scheduler server of the cluster; {@code alive} is judged on database time. */
public record ServerView(String id, String url, Instant startedAt, Instant lastHeartbeat, boolean alive) {}
