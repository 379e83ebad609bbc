package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobFilter;
import io.campanile.scheduler.domain.job.JobPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset paging over an app's live jobs by name. Native SQL (the same on H2 and PostgreSQL): a JPQL query with
 * {@code LIKE ... ESCAPE} makes EclipseLink bind every literal, and it binds a boolean as 1, which H2 refuses to
 * compare with a boolean column.
 */
@ApplicationScoped
@Transactional
public class JpaJobPages implements JobPages {

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaJobPages() {}

    public JpaJobPages(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Job> page(JobFilter filter, String afterName, int limit) {
        Where where = Where.of(filter);
        if (afterName != null) {
            where.add("name > ?", afterName);
        }
        Query query = em.createNativeQuery(
                "SELECT * FROM job WHERE " + where.text + " ORDER BY name LIMIT ?" + (where.values.size() + 1),
                Job.class);
        where.bind(query);
        return query.setParameter(where.values.size() + 1, limit).getResultList();
    }

    @Override
    public long count(JobFilter filter) {
        Where where = Where.of(filter);
        Query query = em.createNativeQuery("SELECT COUNT(*) FROM job WHERE " + where.text);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The conditions, numbered ?1, ?2... without gaps (Hibernate refuses gaps in positional parameters). */
    private static final class Where {
        private final StringBuilder text = new StringBuilder("deleted_at IS NULL");
        private final List<Object> values = new ArrayList<>();

        static Where of(JobFilter filter) {
            Where where = new Where();
            where.add("app_name = ?", filter.appName());
            if (filter.namePrefix() != null) {
                // a name may hold '_', a LIKE wildcard: escaped, so that the prefix is taken as it is
                String prefix = filter.namePrefix()
                        .replace("!", "!!")
                        .replace("_", "!_")
                        .replace("%", "!%");
                where.add("name LIKE ? ESCAPE '!'", prefix + "%");
            }
            if (filter.enabled() != null) {
                where.text.append(" AND enabled = ").append(filter.enabled() ? "TRUE" : "FALSE");
            }
            return where;
        }

        /** {@code condition} with one {@code ?}, numbered here. */
        void add(String condition, Object value) {
            values.add(value);
            text.append(" AND ").append(condition.replace("?", "?" + values.size()));
        }

        void bind(Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
        }
    }
}
