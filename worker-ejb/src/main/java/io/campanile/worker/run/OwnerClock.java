package io.campanile.worker.run;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The owner's clock as this worker reads it from heartbeat answers ({@code HeartbeatAnswer.serverTime}), so that an
 * attempt handed out ahead of its due time starts at its due instant on the owner's clock, not a delay after its
 * poll answer arrived: an answer that was slow to arrive (a busy server, a busy host) made such a start late by as
 * much.
 *
 * <p>A reading is right to within half its round trip (the owner read its clock somewhere between send and receive),
 * and loses {@link #DRIFT_NANOS_PER_SECOND} of precision a second of its age; a reading replaces the one in use only
 * when it is at least as precise, so a slow round trip does not move the clock. A reading of another server than the
 * one in use replaces it whatever its precision (the owner changed). Times are this host's monotonic nanoseconds:
 * stepping the wall clock changes nothing.
 */
public final class OwnerClock {

    /** Precision a reading loses a second: a generous bound of two clocks' drift (1,000 ppm), as the server's. */
    static final long DRIFT_NANOS_PER_SECOND = 1_000_000;

    private volatile Reading reading;

    /** The owner's time in epoch milliseconds at a monotonic instant, right to within {@code errorNanos}. */
    private record Reading(String serverId, long serverMillis, long monotonicNanos, long errorNanos) {}

    /**
     * Records the owner's time {@code serverTime} of server {@code serverId}, read in a round trip sent and received
     * at these monotonic readings; returns whether it was taken.
     */
    public boolean sync(String serverId, Instant serverTime, long sentNanos, long receivedNanos) {
        if (serverTime == null || serverId == null) {
            return false;
        }
        long halfTrip = Math.max(0, receivedNanos - sentNanos) / 2;
        Reading current = reading;
        if (current != null && current.serverId().equals(serverId) && halfTrip > errorAt(current, receivedNanos)) {
            return false;
        }
        reading = new Reading(serverId, serverTime.toEpochMilli(), sentNanos + halfTrip, halfTrip);
        return true;
    }

    /**
     * The monotonic instant by which {@code at}, on the owner's clock, has passed for certain (its reading's error
     * and drift added); empty before the first reading.
     */
    public OptionalLong surelyPassed(Instant at) {
        Reading r = reading;
        if (r == null) {
            return OptionalLong.empty();
        }
        long estimate = r.monotonicNanos() + (at.toEpochMilli() - r.serverMillis()) * 1_000_000;
        return OptionalLong.of(estimate + errorAt(r, estimate));
    }

    /** The reading's error at a monotonic instant: half its round trip, plus the drift since (or until) then. */
    private static long errorAt(Reading r, long atNanos) {
        return r.errorNanos() + drift(Math.abs(atNanos - r.monotonicNanos()));
    }

    private static long drift(long nanos) {
        return nanos / 1_000_000_000 * DRIFT_NANOS_PER_SECOND
                + nanos % 1_000_000_000 * DRIFT_NANOS_PER_SECOND / 1_000_000_000;
    }
}
