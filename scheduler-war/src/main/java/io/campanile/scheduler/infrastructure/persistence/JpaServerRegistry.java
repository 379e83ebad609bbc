package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerNode;
import io.campanile.scheduler.domain.election.ServerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
@Transactional
public class JpaServerRegistry implements ServerRegistry {

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaServerRegistry() {}

    public JpaServerRegistry(EntityManager em) {
        this.em = em;
    }

    @Override
    public void heartbeat(ServerIdentity me) {
        int count = em.createNativeQuery(
                        "UPDATE server_node SET heartbeat_at = CURRENT_TIMESTAMP, url = ?1 WHERE id = ?2")
                .setParameter(1, me.url())
                .setParameter(2, me.id())
                .executeUpdate();
        if (!Rows.singleRow(count, "heartbeat of server " + me.id())) {
            em.createNativeQuery("INSERT INTO server_node (id, url, started_at, heartbeat_at) "
                            + "VALUES (?1, ?2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .setParameter(1, me.id())
                    .setParameter(2, me.url())
                    .executeUpdate();
        }
    }

    @Override
    public List<ServerNode> findAll(long aliveMillis) {
        List<?> rows = em.createNativeQuery("SELECT id, url, started_at, heartbeat_at, CASE WHEN heartbeat_at > "
                        + Rows.nowMinusMillis("?1") + " THEN 1 ELSE 0 END "
                        + "FROM server_node ORDER BY started_at, id")
                .setParameter(1, aliveMillis)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new ServerNode(
                        (String) r[0], (String) r[1], Rows.instant(r[2]), Rows.instant(r[3]), Rows.bool(r[4])))
                .toList();
    }

    @Override
    public int forget(long olderThanMillis) {
        return em.createNativeQuery("DELETE FROM server_node WHERE heartbeat_at < " + Rows.nowMinusMillis("?1"))
                .setParameter(1, olderThanMillis)
                .executeUpdate();
    }

    @Override
    public void remove(String serverId) {
        em.createNativeQuery("DELETE FROM server_node WHERE id = ?1")
                .setParameter(1, serverId)
                .executeUpdate();
    }

    @Override
    public Instant databaseTime() {
        return Rows.instant(em.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult());
    }
}
