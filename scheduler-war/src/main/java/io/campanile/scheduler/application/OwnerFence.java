package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The first statement of every transaction that creates or dispatches work for an app: it locks the
 * app's ownership row for the rest of the transaction if this server still holds the app at the
 * epoch it acts on, and otherwise aborts the transaction with {@link FencedOut}.
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
