package io.campanile.scheduler.testing;

import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.OwnershipChange;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.TakeOver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code server_info} in memory, with the same compare-and-set conditions as the SQL of
 * {@code JpaOwnershipRepository}. Its clock plays the database's clock: a lease is valid while
 * {@code leaseUntil > now}. A test double only; the SQL itself is tested against real databases.
 */
public class InMemoryOwnershipRepository implements OwnershipRepository {

    private final Clock databaseClock;
    private final Map<String, Row> rows = new TreeMap<>();
    private final List<OwnershipChange> history = new ArrayList<>();

    public InMemoryOwnershipRepository(Clock databaseClock) {
        this.databaseClock = databaseClock;
    }

    @Override
    public synchronized void register(String appName) {
        if (rows.containsKey(appName)) {
            throw new IllegalStateException("duplicate key: app " + appName + " is already registered");
        }
        rows.put(appName, new Row(null, null, 0, now()));
    }

    @Override
    public synchronized Optional<Ownership> find(String appName) {
        return Optional.ofNullable(rows.get(appName)).map(row -> row.toOwnership(appName, now()));
    }

    @Override
    public synchronized List<Ownership> findAll() {
        Instant now = now();
        return rows.entrySet().stream()
                .map(e -> e.getValue().toOwnership(e.getKey(), now))
                .toList();
    }

    @Override
    public synchronized List<Ownership> findOrphans() {
        return findAll().stream().filter(o -> !o.leaseValid()).toList();
    }

    @Override
    public synchronized boolean takeOver(TakeOver t) {
        Row row = rows.get(t.appName());
        Instant now = now();
        boolean matches = row != null
                && row.epoch == t.expectedEpoch()
                && (t.requiresExpiredLease() ? !row.leaseUntil.isAfter(now) : ownedBy(row, t.expectedOwnerId()));
        if (!matches) {
            return false;
        }
        rows.put(
                t.appName(),
                new Row(t.newOwner().id(), t.newOwner().url(), row.epoch + 1, now.plusMillis(t.leaseMillis())));
        history.add(new OwnershipChange(
                history.size() + 1,
                t.appName(),
                t.expectedOwnerId(),
                t.newOwner().id(),
                t.newEpoch(),
                t.reason(),
                now));
        return true;
    }

    @Override
    public synchronized boolean renew(String appName, String ownerId, long epoch, long leaseMillis) {
        Row row = rows.get(appName);
        if (row == null || !ownedBy(row, ownerId) || row.epoch != epoch) {
            return false;
        }
        rows.put(appName, new Row(row.ownerId, row.ownerUrl, row.epoch, now().plusMillis(leaseMillis)));
        return true;
    }

    @Override
    public synchronized java.util.Set<String> renewAll(
            String ownerId, java.util.Map<String, Long> epochs, long leaseMillis) {
        java.util.Set<String> renewed = new java.util.HashSet<>();
        epochs.forEach((app, epoch) -> {
            if (renew(app, ownerId, epoch, leaseMillis)) {
                renewed.add(app);
            }
        });
        return renewed;
    }

    @Override
    public synchronized boolean fence(String appName, String ownerId, long epoch) {
        Row row = rows.get(appName);
        return row != null && ownedBy(row, ownerId) && row.epoch == epoch && row.leaseUntil.isAfter(now());
    }

    @Override
    public synchronized List<OwnershipChange> history(int limit) {
        List<OwnershipChange> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    /** SQL's {@code owner_id = ?}: a NULL owner matches nothing. */
    private static boolean ownedBy(Row row, String ownerId) {
        return row.ownerId != null && row.ownerId.equals(ownerId);
    }

    private Instant now() {
        return databaseClock.instant();
    }

    private record Row(String ownerId, String ownerUrl, long epoch, Instant leaseUntil) {

        Ownership toOwnership(String appName, Instant now) {
            return new Ownership(appName, ownerId, ownerUrl, epoch, leaseUntil, leaseUntil.isAfter(now));
        }
    }
}
