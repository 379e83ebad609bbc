package io.campanile.benchmark;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/** Waiting for a subject's processors: poll its records with a deadline, never a bare sleep for a result. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {}

    /**
     * Waits until every run in {@code keys} was called and the subject's records are complete, or until
     * {@code timeout}; then until no new call of these runs came for {@code quiet}, so that late repeats are
     * counted. Returns the books then.
     */
    static Tally calls(Subject subject, Set<String> keys, Duration timeout, Duration quiet) {
        return calls(subject, keys, Execution::key, timeout, quiet);
    }

    /** As above, each call counted under {@code keyOf} of it rather than its run's key. */
    static Tally calls(
            Subject subject, Set<String> keys, Function<Execution, String> keyOf, Duration timeout, Duration quiet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LiveTally books = new LiveTally(keys, keyOf).update(subject);
        while (!(books.complete() && subject.recordsComplete()) && System.nanoTime() < deadline) {
            pause(POLL);
            books.update(subject);
        }
        long quietSince = System.nanoTime();
        int calls = books.calls();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            pause(POLL);
            int now = books.update(subject).calls();
            if (now != calls || !subject.recordsComplete()) {
                calls = now;
                quietSince = System.nanoTime();
            }
            if (System.nanoTime() > deadline + quiet.toNanos() * 3) {
                break; // calls that never stop coming: the books close anyway
            }
        }
        return books.tally();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
