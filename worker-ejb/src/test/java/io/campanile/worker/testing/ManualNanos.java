package io.campanile.worker.testing;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A monotonic clock that moves only when a test moves it. */
public final class ManualNanos implements LongSupplier {

    private volatile long now = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    public void advance(Duration by) {
        now += by.toNanos();
    }
}
