package io.campanile.deployments.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for real processes: ask again and again, with a deadline, never a bare sleep. */
public final class Poll {

    /** What a poll found and how long after its start it found it. */
    public record Timed<T>(T value, long elapsedMillis) {}

    private Poll() {}

    /**
     * Calls {@code probe} every {@code interval} until it yields a value. The time is measured from
     * {@code startNanos} (a {@link System#nanoTime()} taken when the awaited event was caused). A probe that
     * throws (a server that is down or busy) counts as "not yet".
     *
     * @throws AssertionError when nothing came within {@code timeout} of {@code startNanos}
     */
    public static <T> Timed<T> until(
            String what, long startNanos, Duration timeout, Duration interval, Supplier<Optional<T>> probe) {
        long deadline = startNanos + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return new Timed<>(value.get(), millisSince(startNanos));
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(
                        what + ": not within " + timeout.toMillis() + " ms"
                                + (lastFailure == null ? "" : "; last error: " + lastFailure),
                        lastFailure);
            }
            pause(interval);
        }
    }

    public static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
