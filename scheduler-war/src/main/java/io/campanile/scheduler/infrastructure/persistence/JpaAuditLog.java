package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.access.AuditFilter;
import io.campanile.scheduler.domain.access.AuditLog;
import io.campanile.scheduler.domain.access.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in {@code audit_log}: appended with the database's time, read newest first by keyset on the id (a
 * page is one indexed range read however deep it is; entries added meanwhile do not shift later pages).
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {

    private static final String COLUMNS = "id, at, actor, action, method, path, app_name, target_kind, target_id, "
            + "status, denied, server_id, before_state, after_state";

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaAuditLog() {}

    public JpaAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(AuditRecord r) {
        em.createNativeQuery("INSERT INTO audit_log (actor, action, method, path, app_name, target_kind, target_id, "
                        + "status, denied, server_id, before_state, after_state) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, r.actor())
                .setParameter(2, r.action())
                .setParameter(3, r.method())
                .setParameter(4, r.path())
                .setParameter(5, r.app())
                .setParameter(6, r.targetKind())
                .setParameter(7, r.targetId())
                .setParameter(8, r.status())
                .setParameter(9, r.denied())
                .setParameter(10, r.serverId())
                .setParameter(11, r.before())
                .setParameter(12, r.after())
                .executeUpdate();
    }

    @Override
    public List<AuditRecord> page(AuditFilter filter, Long beforeId, int limit) {
        Where where = Where.of(filter);
        if (beforeId != null) {
            where.add("id < ?", beforeId);
        }
        Query query = em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM audit_log" + where.text() + " ORDER BY id DESC LIMIT " + limit);
        where.bind(query);
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> record((Object[]) r)).toList();
    }

    @Override
    public long count(AuditFilter filter) {
        Where where = Where.of(filter);
        Query query = em.createNativeQuery("SELECT COUNT(*) FROM audit_log" + where.text());
        where.bind(query);
        return Rows.number(query.getSingleResult());
    }

    private static AuditRecord record(Object[] r) {
        return new AuditRecord(
                Rows.number(r[0]),
                Rows.instant(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8],
                (int) Rows.number(r[9]),
                Rows.bool(r[10]),
                (String) r[11],
                text(r[12]),
                text(r[13]));
    }

    /** A long VARCHAR may come back as a CLOB from some drivers. */
    private static String text(Object value) {
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read an audit state: " + e.getMessage(), e);
            }
        }
        return (String) value;
    }

    /** The filter as SQL conditions with positional parameters (never the values themselves in the text). */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        static Where of(AuditFilter filter) {
            Where where = new Where();
            if (filter.app() != null) {
                where.add("app_name = ?", filter.app());
            }
            if (filter.actor() != null) {
                where.add("actor = ?", filter.actor());
            }
            if (filter.from() != null) {
                where.add("at >= ?", filter.from().atOffset(ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                where.add("at < ?", filter.to().atOffset(ZoneOffset.UTC));
            }
            return where;
        }

        void add(String condition, Object value) {
            conditions.add(condition.replace("?", "?" + (values.size() + 1)));
            values.add(value);
        }

        String text() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void bind(Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
        }
    }
}
