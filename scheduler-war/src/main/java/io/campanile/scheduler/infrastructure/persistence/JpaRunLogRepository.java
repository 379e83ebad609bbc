package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.RunLog;
import io.campanile.api.protocol.LogLine;
import io.campanile.scheduler.domain.log.RunLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Run log lines in {@code run_log}, with plain statements both databases accept: an insert that skips a line already
 * stored (a batch sent again), a keyset read by line number, and a cleanup that deletes a few instances' old lines at a
 * time.
 */
@ApplicationScoped
@Transactional
public class JpaRunLogRepository implements RunLogRepository {

    /**
     * Stores a line unless it is there: a batch sent again (the worker did not see the answer) is skipped line by
     * line. Not {@code ON CONFLICT}, which H2 accepts only in its PostgreSQL mode. The PostgreSQL driver does not
     * rewrite an {@code INSERT ... SELECT} to a multi-row insert, but sends its batch in a few round trips, not one
     * per line.
     */
    private static final String INSERT = "INSERT INTO run_log (instance_id, attempt, seq, logged_at, level, message) "
            + "SELECT ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
            + "(SELECT 1 FROM run_log WHERE instance_id = ? AND attempt = ? AND seq = ?)";

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    @Inject
    private TransactionJdbc jdbc;

    protected JpaRunLogRepository() {}

    public JpaRunLogRepository(EntityManager em, TransactionJdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** One JDBC batch for all the lines (a worker sends up to {@code LogBatch.MAX_LINES} at a time). */
    @Override
    public void store(List<LogLine> lines) {
        jdbc.run(c -> {
            JdbcBatch.run(c, INSERT, lines, JpaRunLogRepository::bind, true, "a run log insert");
            return lines.size();
        });
    }

    private static void bind(PreparedStatement insert, LogLine line) throws SQLException {
        insert.setLong(1, line.instanceId());
        insert.setInt(2, line.attempt());
        insert.setLong(3, line.seq());
        insert.setObject(4, line.at().atOffset(ZoneOffset.UTC));
        insert.setString(5, line.level().name());
        insert.setString(6, line.message());
        insert.setLong(7, line.instanceId());
        insert.setInt(8, line.attempt());
        insert.setLong(9, line.seq());
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

    /**
     * One statement: the old lines of the first {@code maxInstances} instances that have any (lowest ids first).
     * The instance list must be distinct before its {@code LIMIT}, which would otherwise count lines.
     */
    @Override
    public int deleteStoredBefore(Instant before, int maxInstances) {
        return em.createNativeQuery(
                        "DELETE FROM run_log WHERE instance_id IN (SELECT DISTINCT instance_id FROM run_log "
                                + "WHERE stored_at < ?1 ORDER BY instance_id LIMIT ?2) AND stored_at < ?1")
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, maxInstances)
                .executeUpdate();
    }
}
