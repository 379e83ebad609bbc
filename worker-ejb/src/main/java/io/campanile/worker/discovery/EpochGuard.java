package io.campanile.worker.discovery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest ownership epoch this worker has seen for its app, from discovery, heartbeat and poll answers.
 * Work dispatched under an older epoch comes from a deposed owner and must not run.
 *
 * <p>Invariant: {@link #newest()} never decreases.
 */
public final class EpochGuard {

    private final AtomicLong newest = new AtomicLong();

    /** Records an epoch seen in a server's answer; returns the newest epoch after it. */
    public long observe(long epoch) {
        return newest.accumulateAndGet(epoch, Math::max);
    }

    /** The newest epoch seen; 0 before any. */
    public long newest() {
        return newest.get();
    }

    /** Whether work dispatched under {@code epoch} may run: it is not older than the newest seen. */
    public boolean admits(long epoch) {
        return epoch >= newest.get();
    }
}
