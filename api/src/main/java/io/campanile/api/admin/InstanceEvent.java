package io.campanile.api.admin;

import io.campanile.api.InstanceState;
import java.time.Instant;

/**
 * One move in an instance's history.
 *
 * @param state the state the instance moved to
 * @param cause who or what moved it: CREATED, CLAIM (a worker started the attempt), REPORT (the worker's outcome),
 *     RETRY, LOST (its worker was lost), RELEASE (from a buffer), OVERLAP (cancelled by a newer fire), OPERATOR (stop,
 *     retry or success through the admin API), NO_WORKER (no live worker may run it)
 * @param workerId the worker concerned, if one is
 * @param epoch the ownership epoch of the move, where it is kept (creation and claims)
 * @param serverId the server that made the move, where it is kept
 * @param note what the move recorded (a result, a reason, an operator's note)
 */
public record InstanceEvent(
        Instant at,
        int attempt,
        InstanceState state,
        String cause,
        String workerId,
        Long epoch,
        String serverId,
        String note) {}
