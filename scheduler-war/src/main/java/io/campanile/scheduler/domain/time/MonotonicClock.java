package io.campanile.scheduler.domain.time;

/**
 * Elapsed time on this host, for periods and local deadlines: it never jumps when the wall clock is stepped
 * (time synchronisation correcting a fast or slow clock), so a step can neither suspend lease renewal nor stretch
 * a lease this server thinks it still holds. Only differences between two readings mean anything. Shared deadlines
 * (leases, liveness) use the database's clock instead.
 */
@FunctionalInterface
public interface MonotonicClock {

    /** Milliseconds since an arbitrary origin, never going back. */
    long millis();

    static MonotonicClock system() {
        return () -> System.nanoTime() / 1_000_000;
    }
}
