package io.campanile.api.admin;

import java.util.List;

/**
 * A new API token ({@code POST /api/v1/tokens}).
 *
 * @param name 1-64 of {@code [A-Za-z0-9._-]}, unique; {@code bootstrap} is taken by the configured admin token
 * @param role what the token may do
 * @param apps the apps it is limited to (at most 100); null or absent: every app and the cluster-wide endpoints
 */
public record TokenRequest(String name, Role role, List<String> apps) {}
