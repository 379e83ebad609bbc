package io.campanile.worker.discovery;

import java.time.Duration;

/** A pause that doubles each time it is taken, up to a ceiling, and starts over after {@link #reset()}. */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, not " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The pause to take now; the one after it is twice as long (at most the ceiling). */
    public synchronized Duration next() {
        Duration now = next;
        Duration doubled = now.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public synchronized void reset() {
        next = first;
    }
}
