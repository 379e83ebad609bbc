package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.OwnershipChange;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.TakeOver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** {@code server_info} and its history through native SQL: each change is one conditional update. */
@ApplicationScoped
@Transactional
public class JpaOwnershipRepository implements OwnershipRepository {

    private static final String SELECT = "SELECT app_name, owner_id, owner_url, epoch, lease_until, "
            + "CASE WHEN lease_until > CURRENT_TIMESTAMP THEN 1 ELSE 0 END FROM server_info ";

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    /** Apps renewed by one statement. */
    private static final int MAX_RENEWED = 1000;

    @Inject
    private Dialect dialect;

    protected JpaOwnershipRepository() {}

    public JpaOwnershipRepository(EntityManager em, Dialect dialect) {
        this.em = em;
        this.dialect = dialect;
    }

    @Override
    public void register(String appName) {
        em.createNativeQuery("INSERT INTO server_info (app_name, owner_id, owner_url, epoch, lease_until, changed_at)"
                        + " VALUES (?1, NULL, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, appName)
                .executeUpdate();
    }

    @Override
    public Optional<Ownership> find(String appName) {
        List<?> rows = em.createNativeQuery(SELECT + "WHERE app_name = ?1")
                .setParameter(1, appName)
                .getResultList();
        return rows.stream().findFirst().map(row -> toOwnership((Object[]) row));
    }

    @Override
    public List<Ownership> findAll() {
        return rows(em.createNativeQuery(SELECT + "ORDER BY app_name").getResultList());
    }

    @Override
    public List<Ownership> findOrphans() {
        return rows(em.createNativeQuery(SELECT + "WHERE lease_until <= CURRENT_TIMESTAMP ORDER BY app_name")
                .getResultList());
    }

    @Override
    public boolean takeOver(TakeOver t) {
        String condition = t.requiresExpiredLease() ? "lease_until <= CURRENT_TIMESTAMP" : "owner_id = ?6";
        Query update = em.createNativeQuery("UPDATE server_info SET owner_id = ?1, owner_url = ?2, "
                        + "epoch = epoch + 1, lease_until = " + Rows.nowPlusMillis("?3")
                        + ", changed_at = CURRENT_TIMESTAMP "
                        + "WHERE app_name = ?4 AND epoch = ?5 AND " + condition)
                .setParameter(1, t.newOwner().id())
                .setParameter(2, t.newOwner().url())
                .setParameter(3, t.leaseMillis())
                .setParameter(4, t.appName())
                .setParameter(5, t.expectedEpoch());
        if (!t.requiresExpiredLease()) {
            update.setParameter(6, t.expectedOwnerId());
        }
        int count = update.executeUpdate();
        if (!Rows.singleRow(count, "take-over of " + t.appName())) {
            return false;
        }
        em.createNativeQuery("INSERT INTO ownership_change (app_name, old_owner_id, new_owner_id, epoch, reason, "
                        + "changed_at) VALUES (?1, ?2, ?3, ?4, ?5, CURRENT_TIMESTAMP)")
                .setParameter(1, t.appName())
                .setParameter(2, t.expectedOwnerId())
                .setParameter(3, t.newOwner().id())
                .setParameter(4, t.newEpoch())
                .setParameter(5, t.reason().name())
                .executeUpdate();
        return true;
    }

    @Override
    public Set<String> renewAll(String ownerId, Map<String, Long> epochs, long leaseMillis) {
        Set<String> renewed = new HashSet<>();
        List<Map.Entry<String, Long>> all = List.copyOf(epochs.entrySet());
        for (int from = 0; from < all.size(); from += MAX_RENEWED) {
            List<Map.Entry<String, Long>> chunk = all.subList(from, Math.min(all.size(), from + MAX_RENEWED));
            StringJoiner pairs = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < chunk.size(); i++) {
                pairs.add("(?" + (3 + 2 * i) + ", ?" + (4 + 2 * i) + ")");
            }
            Query update = em.createNativeQuery("UPDATE server_info SET lease_until = " + Rows.nowPlusMillis("?1")
                    + " WHERE owner_id = ?2 AND (app_name, epoch) IN " + pairs);
            int p = 1;
            update.setParameter(p++, leaseMillis).setParameter(p++, ownerId);
            for (Map.Entry<String, Long> e : chunk) {
                update.setParameter(p++, e.getKey()).setParameter(p++, e.getValue());
            }
            if (update.executeUpdate() == chunk.size()) {
                chunk.forEach(e -> renewed.add(e.getKey()));
                continue; // every lease renewed: the usual case, one statement
            }
            Set<String> asked = new HashSet<>();
            chunk.forEach(e -> asked.add(e.getKey()));
            List<?> rows = em.createNativeQuery("SELECT app_name, epoch FROM server_info WHERE owner_id = ?1")
                    .setParameter(1, ownerId)
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                String app = (String) r[0];
                if (asked.contains(app) && epochs.get(app) == Rows.number(r[1])) {
                    renewed.add(app);
                }
            }
        }
        return renewed;
    }

    @Override
    public boolean renew(String appName, String ownerId, long epoch, long leaseMillis) {
        int count = em.createNativeQuery("UPDATE server_info SET lease_until = " + Rows.nowPlusMillis("?1")
                        + " WHERE app_name = ?2 AND owner_id = ?3 AND epoch = ?4")
                .setParameter(1, leaseMillis)
                .setParameter(2, appName)
                .setParameter(3, ownerId)
                .setParameter(4, epoch)
                .executeUpdate();
        return Rows.singleRow(count, "lease renewal of " + appName);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fence(String appName, String ownerId, long epoch) {
        // A shared lock on the app's row for the caller's transaction: a concurrent take-over waits for it,
        // other fenced transactions of the app do not; it matches only while this server holds the epoch and lease.
        int count = em.createNativeQuery("SELECT app_name FROM server_info WHERE app_name = ?1 AND owner_id = ?2 "
                        + "AND epoch = ?3 AND lease_until > CURRENT_TIMESTAMP " + dialect.shareRow())
                .setParameter(1, appName)
                .setParameter(2, ownerId)
                .setParameter(3, epoch)
                .getResultList()
                .size();
        return Rows.singleRow(count, "fence of " + appName);
    }

    @Override
    public List<OwnershipChange> history(int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, app_name, old_owner_id, new_owner_id, epoch, reason, "
                        + "changed_at FROM ownership_change ORDER BY id DESC")
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new OwnershipChange(
                        Rows.number(r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        Rows.number(r[4]),
                        OwnershipChangeReason.valueOf((String) r[5]),
                        Rows.instant(r[6])))
                .toList();
    }

    private static List<Ownership> rows(List<?> rows) {
        return rows.stream().map(r -> toOwnership((Object[]) r)).toList();
    }

    private static Ownership toOwnership(Object[] r) {
        return new Ownership(
                (String) r[0], (String) r[1], (String) r[2], Rows.number(r[3]), Rows.instant(r[4]), Rows.bool(r[5]));
    }
}
