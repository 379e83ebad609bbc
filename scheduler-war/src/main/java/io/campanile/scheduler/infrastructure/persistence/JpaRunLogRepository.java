package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.RunLog;
import io.campanile.api.protocol.LogLine;
import io.campanile.scheduler.domain.log.RunLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Run log lines in {@code run_log}, with plain statements both databases accept: an insert that skips a line already
 * stored (a batch sent again), a keyset read by line number, and a cleanup that deletes a few attempts' old lines at a
 * time.
 */
@ApplicationScoped
@Transactional
public class JpaRunLogRepository implements RunLogRepository {

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaRunLogRepository() {}

    public JpaRunLogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(List<LogLine> lines) {
        for (LogLine line : lines) {
            em.createNativeQuery("INSERT INTO run_log (instance_id, attempt, seq, logged_at, level, message) "
                            + "SELECT ?1, ?2, ?3, ?4, ?5, ?6 FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
                            + "(SELECT 1 FROM run_log WHERE instance_id = ?1 AND attempt = ?2 AND seq = ?3)")
                    .setParameter(1, line.instanceId())
                    .setParameter(2, line.attempt())
                    .setParameter(3, line.seq())
                    .setParameter(4, line.at().atOffset(ZoneOffset.UTC))
                    .setParameter(5, line.level().name())
                    .setParameter(6, line.message())
                    .executeUpdate();
        }
    }

    @Override
    public List<LogLine> read(long instanceId, int attempt, long afterSeq, int limit) {
        List<?> rows = em.createNativeQuery("SELECT seq, logged_at, level, message FROM run_log "
                        + "WHERE instance_id = ?1 AND attempt = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4")
                .setParameter(1, instanceId)
                .setParameter(2, attempt)
                .setParameter(3, afterSeq)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new LogLine(
                        instanceId,
                        attempt,
                        Rows.number(r[0]),
                        Rows.instant(r[1]),
                        RunLog.Level.valueOf((String) r[2]),
                        (String) r[3]))
                .toList();
    }

    @Override
    public int deleteStoredBefore(Instant before, int maxAttempts) {
        List<?> oldest = em.createNativeQuery(
                        "SELECT DISTINCT instance_id FROM run_log WHERE stored_at < ?1 ORDER BY instance_id LIMIT ?2")
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, maxAttempts)
                .getResultList();
        if (oldest.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (Object id : oldest) {
            deleted += em.createNativeQuery("DELETE FROM run_log WHERE instance_id = ?1 AND stored_at < ?2")
                    .setParameter(1, Rows.number(id))
                    .setParameter(2, before.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
        return deleted;
    }
}
