package io.campanile.scheduler.domain.election;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coordination on {@code server_info}. Every change is one conditional statement whose row
 * count is checked; lease times are computed on the database's clock.
 */
public interface OwnershipRepository {

    /** Creates the app's row, unclaimed at epoch 0, so that every later claim is a CAS update. */
    void register(String appName);

    Optional<Ownership> find(String appName);

    List<Ownership> findAll();

    /** Apps whose lease has expired (or that were never claimed), on database time. */
    List<Ownership> findOrphans();

    /** Applies the take-over and records it in the ownership history; false if the CAS lost. */
    boolean takeOver(TakeOver takeOver);

    /** Extends the lease of an app this server holds at {@code epoch}; false if it no longer does. */
    boolean renew(String appName, String ownerId, long epoch, long leaseMillis);

    /**
     * Renews, in one statement for up to a thousand apps, every lease the owner still holds at the given epoch;
     * returns the apps renewed (the others were taken over).
     */
    Set<String> renewAll(String ownerId, Map<String, Long> epochs, long leaseMillis);

    /**
     * Locks the app's row for the current transaction if {@code ownerId} holds it at {@code epoch}
     * with a valid lease. Every write that creates or dispatches work calls this first, in the same
     * transaction: a take-over then either waits for that transaction or makes it fence out.
     */
    boolean fence(String appName, String ownerId, long epoch);

    /** The latest ownership changes, newest first. */
    List<OwnershipChange> history(int limit);
}
