package io.campanile.worker.discovery;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The owner the worker talks to now; empty until discovery names one, or after it failed. */
public final class CurrentOwner {

    private final AtomicReference<Owner> owner = new AtomicReference<>();

    public Optional<Owner> get() {
        return Optional.ofNullable(owner.get());
    }

    /** Sets the owner; returns the previous one (null if none). */
    Owner set(Owner newOwner) {
        return owner.getAndSet(newOwner);
    }

    /**
     * Forgets {@code failed} after a call to it failed, unless discovery has meanwhile named another owner
     * (that newer answer must not be thrown away because of an older failure).
     */
    public void forget(Owner failed) {
        owner.compareAndSet(failed, null);
    }
}
