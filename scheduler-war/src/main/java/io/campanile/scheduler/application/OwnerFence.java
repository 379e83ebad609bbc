package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The last statement of every transaction that creates work for an app or ends work as the owner: it takes a
 * shared lock on the app's ownership row until the commit if this server still holds the app at the epoch it
 * acts on, and otherwise aborts the transaction with {@link FencedOut} (the caller's transaction rolls back).
 *
 * <p>Last, not first: what the transaction wrote before is invisible to others until the commit, so checking
 * at the end orders it exactly as checking at the start would (a take-over either committed before the check
 * and the transaction rolls back, or waits for the commit), while the lock is held only for the commit. Held
 * for a whole transaction, a batch of 10,000 runs on a busy machine kept the owner's own lease renewal (an
 * {@code UPDATE} of that row) waiting until the lease ran out.
 */
@ApplicationScoped
public class OwnerFence {

    private OwnershipRepository ownership;
    private ServerIdentity me;

    protected OwnerFence() {}

    @Inject
    public OwnerFence(OwnershipRepository ownership, ServerIdentity me) {
        this.ownership = ownership;
        this.me = me;
    }

    public void hold(String appName, long epoch) {
        if (!ownership.fence(appName, me.id(), epoch)) {
            throw new FencedOut(appName, epoch);
        }
    }

    /** The id of this server, recorded as the owner on what it creates or dispatches. */
    public String ownerId() {
        return me.id();
    }
}
