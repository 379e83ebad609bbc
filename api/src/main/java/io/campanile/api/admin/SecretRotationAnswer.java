package io.campanile.api.admin;

import java.time.Instant;

/**
 * A rotation done (no secret is ever answered).
 *
 * @param rotatedAt when, by the database's clock
 * @param previousValidUntil until when the replaced secret is still accepted (the database's clock); equal to {@code
 *     rotatedAt} when the grace was PT0S
 */
public record SecretRotationAnswer(String app, Instant rotatedAt, Instant previousValidUntil) {}
