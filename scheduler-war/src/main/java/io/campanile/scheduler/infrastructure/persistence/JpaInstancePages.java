package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.instance.FirePosition;
import io.campanile.scheduler.domain.instance.InstanceFilter;
import io.campanile.scheduler.domain.instance.InstancePages;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyset paging over {@code job_instance}: a page starts right after the position of the last instance of the page
 * before it ({@code (fire_time, id)} compared in the listing's order), so a page costs one indexed range read however
 * deep it is, and instances added meanwhile neither shift nor repeat the pages that follow.
 */
@ApplicationScoped
@Transactional
public class JpaInstancePages implements InstancePages {

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaInstancePages() {}

    public JpaInstancePages(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<JobInstance> page(InstanceFilter filter, boolean newestFirst, FirePosition after, int limit) {
        Where where = Where.of(filter);
        if (after != null) {
            String beyond = newestFirst ? "<" : ">";
            where.add(
                    "(i.fireTime " + beyond + " :afterTime OR (i.fireTime = :afterTime AND i.id " + beyond
                            + " :afterId))",
                    "afterTime",
                    after.fireTime().atOffset(ZoneOffset.UTC));
            where.parameters.put("afterId", after.id());
        }
        String direction = newestFirst ? "DESC" : "ASC";
        TypedQuery<JobInstance> query = em.createQuery(
                "SELECT i FROM JobInstance i WHERE " + where.text() + " ORDER BY i.fireTime " + direction + ", i.id "
                        + direction,
                JobInstance.class);
        where.parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public long count(InstanceFilter filter) {
        Where where = Where.of(filter);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(i) FROM JobInstance i WHERE " + where.text(), Long.class);
        where.parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The filter as JPQL conditions with named parameters (never the values themselves in the text). */
    private static final class Where {
        private final StringBuilder text = new StringBuilder("i.appName = :app");
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        static Where of(InstanceFilter filter) {
            Where where = new Where();
            where.parameters.put("app", filter.appName());
            if (filter.jobId() != null) {
                where.add("i.jobId = :job", "job", filter.jobId());
            }
            if (!filter.states().isEmpty()) {
                where.add("i.state IN :states", "states", List.copyOf(filter.states()));
            }
            if (filter.from() != null) {
                where.add("i.fireTime >= :from", "from", filter.from().atOffset(ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                where.add("i.fireTime < :to", "to", filter.to().atOffset(ZoneOffset.UTC));
            }
            if (filter.workerId() != null) {
                where.add("i.workerId = :worker", "worker", filter.workerId());
            }
            return where;
        }

        void add(String condition, String name, Object value) {
            text.append(" AND ").append(condition);
            parameters.put(name, value);
        }

        String text() {
            return text.toString();
        }
    }
}
