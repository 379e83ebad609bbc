package io.campanile.worker.testing;

import io.campanile.api.protocol.Assignment;
import java.time.Instant;

/** Test data: assignments with sensible defaults. */
public final class Assignments {

    private Assignments() {}

    public static Assignment anAssignment(long instanceId, long epoch) {
        return anAssignment(instanceId, 1, epoch, "hello", null);
    }

    public static Assignment anAssignment(
            long instanceId, int attempt, long epoch, String processor, String parameters) {
        return anAssignment(instanceId, attempt, epoch, processor, parameters, null);
    }

    /** An assignment handed out ahead of its due time: its processor starts {@code startInMillis} after arrival. */
    public static Assignment anAssignmentStartingIn(long instanceId, long startInMillis) {
        return anAssignment(instanceId, 1, 1, "hello", null, startInMillis);
    }

    /**
     * An assignment handed out ahead, due {@code startInMillis} after arrival by the delay and at {@code startAt} by
     * the owner's clock.
     */
    public static Assignment anAssignmentStartingIn(long instanceId, long startInMillis, Instant startAt) {
        return anAssignment(instanceId, 1, 1, "hello", null, startInMillis, startAt);
    }

    private static Assignment anAssignment(
            long instanceId, int attempt, long epoch, String processor, String parameters, Long startInMillis) {
        return anAssignment(instanceId, attempt, epoch, processor, parameters, startInMillis, null);
    }

    private static Assignment anAssignment(
            long instanceId,
            int attempt,
            long epoch,
            String processor,
            String parameters,
            Long startInMillis,
            Instant startAt) {
        return new Assignment(
                instanceId,
                attempt,
                7L,
                "job-7",
                processor,
                Instant.parse("2026-11-24T10:00:05Z"),
                epoch,
                parameters,
                null,
                null,
                null,
                startInMillis,
                startAt);
    }
}
