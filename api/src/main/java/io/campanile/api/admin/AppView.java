package io.campanile.api.admin;

import java.time.Instant;

/** An app as the admin API shows it (never with its secret). */
public record AppView(String name, Instant createdAt, String ownerId, Long epoch) {}
