package io.campanile.api.admin;

import java.util.List;

/**
 * Many runs of one job in one request (at most 10,000), created in one transaction: all of them or,
 * on any error, none. Each run is a {@link RunRequest}; its request id keeps it idempotent, so a
 * batch repeated after a lost answer creates nothing twice.
 */
public record RunBatch(List<RunRequest> runs) {}
