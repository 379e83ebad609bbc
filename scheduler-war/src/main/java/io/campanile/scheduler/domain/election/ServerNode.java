package io.campanile.scheduler.domain.election;

import java.time.Instant;

/** A server as the registry records it; {@code alive} is judged on database time. */
public record ServerNode(String id, String url, Instant startedAt, Instant heartbeatAt, boolean alive) {}
