package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import java.time.Instant;

/**
 * A recorded move of an instance that is not a worker's claim or report: a retry, a lost worker, a release, a
 * cancellation, an operator's action, a failure for want of a worker.
 *
 * @param cause a {@link InstanceTransitions.Cause} name
 */
public record InstanceMove(
        Instant at, int attempt, InstanceState state, String cause, String workerId, String serverId, String note) {}
