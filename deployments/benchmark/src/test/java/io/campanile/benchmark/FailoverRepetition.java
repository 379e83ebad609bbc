package io.campanile.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One repetition of the failover benchmark: which event hit the owner ({@code ownerBefore}, which held the app
 * under {@code epochBefore}) at which instant, and the first processor call dispatched under a newer epoch, or
 * none when no other server took over within the bound.
 *
 * @param number the repetition's number among those of its event, from 1
 */
record FailoverRepetition(
        FailoverEvent event,
        int number,
        Instant at,
        String ownerBefore,
        long epochBefore,
        Optional<Execution> firstCall) {

    /**
     * The first of {@code calls} dispatched under an epoch newer than {@code epochBefore} that started at or after
     * {@code at}: the first call under the new owner. Calls of the old owner still running, and calls of an
     * earlier owner change, do not count.
     */
    static Optional<Execution> firstCallUnderNewerEpoch(Collection<Execution> calls, Instant at, long epochBefore) {
        return calls.stream()
                .filter(call -> call.epoch() > epochBefore)
                .filter(call -> !call.started().isBefore(at))
                .min(Comparator.comparing(Execution::started));
    }

    /** Whether another owner's call came. */
    boolean failedOver() {
        return firstCall.isPresent();
    }

    /** From the event to the first call under the new owner; empty when none came. */
    Optional<Duration> time() {
        return firstCall.map(call -> Duration.between(at, call.started()));
    }

    /** The time in milliseconds, with microseconds as a fraction; empty when none came. */
    Optional<Double> millis() {
        return time().map(time -> time.toNanos() / 1e6);
    }
}
