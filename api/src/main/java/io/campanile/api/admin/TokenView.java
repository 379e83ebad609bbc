package io.campanile.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * An API token as the admin API shows it: never with its secret.
 *
 * @param apps the apps it is limited to; null: every app
 * @param createdBy the name of the token that created it ({@code bootstrap}: the configured admin token)
 */
public record TokenView(String name, Role role, List<String> apps, Instant createdAt, String createdBy) {}
