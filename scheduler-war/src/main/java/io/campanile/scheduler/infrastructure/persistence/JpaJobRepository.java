package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class JpaJobRepository implements JobRepository {

    /** Apps per query of {@link #earliestNextFires}: far below any database's limit on bound parameters. */
    private static final int APPS_PER_LOOK = 1000;

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaJobRepository() {}

    public JpaJobRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Job job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public Optional<Job> find(String appName, long jobId) {
        return Optional.ofNullable(em.find(Job.class, jobId))
                .filter(j -> j.appName().equals(appName));
    }

    @Override
    public Optional<Job> findForChange(String appName, long jobId) {
        return Optional.ofNullable(em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE))
                .filter(j -> j.appName().equals(appName));
    }

    @Override
    public List<Job> findForChange(String appName, Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT j FROM Job j WHERE j.appName = :app AND j.id IN :ids ORDER BY j.id", Job.class)
                .setParameter("app", appName)
                .setParameter("ids", List.copyOf(jobIds))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<Job> findByNames(String appName, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT j FROM Job j WHERE j.appName = :app AND j.name IN :names AND j.deletedAt IS NULL"
                                + " ORDER BY j.name",
                        Job.class)
                .setParameter("app", appName)
                .setParameter("names", List.copyOf(names))
                .getResultList();
    }

    @Override
    public Optional<Job> findByName(String appName, String name) {
        return em.createQuery(
                        "SELECT j FROM Job j WHERE j.appName = :app AND j.name = :name AND j.deletedAt IS NULL",
                        Job.class)
                .setParameter("app", appName)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean existsByName(String appName, String name) {
        return !em.createQuery(
                        "SELECT j.id FROM Job j WHERE j.appName = :app AND j.name = :name AND j.deletedAt IS NULL")
                .setParameter("app", appName)
                .setParameter("name", name)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<Job> findByApp(String appName) {
        return em.createQuery(
                        "SELECT j FROM Job j WHERE j.appName = :app AND j.deletedAt IS NULL ORDER BY j.name", Job.class)
                .setParameter("app", appName)
                .getResultList();
    }

    @Override
    public Optional<Instant> earliestNextFire(String appName) {
        OffsetDateTime earliest = em.createQuery(
                        "SELECT MIN(j.nextFireAt) FROM Job j WHERE j.appName = :app "
                                + "AND j.enabled = TRUE AND j.nextFireAt IS NOT NULL",
                        OffsetDateTime.class)
                .setParameter("app", appName)
                .getSingleResult();
        return Optional.ofNullable(earliest).map(OffsetDateTime::toInstant);
    }

    @Override
    public Map<String, Instant> earliestNextFires(Collection<String> appNames) {
        Map<String, Instant> earliest = new HashMap<>();
        List<String> apps = List.copyOf(appNames);
        for (int from = 0; from < apps.size(); from += APPS_PER_LOOK) {
            List<Object[]> rows = em.createQuery(
                            "SELECT j.appName, MIN(j.nextFireAt) FROM Job j WHERE j.appName IN :apps "
                                    + "AND j.enabled = TRUE AND j.nextFireAt IS NOT NULL GROUP BY j.appName",
                            Object[].class)
                    .setParameter("apps", apps.subList(from, Math.min(apps.size(), from + APPS_PER_LOOK)))
                    .getResultList();
            for (Object[] row : rows) {
                if (row[1] != null) {
                    earliest.put((String) row[0], ((OffsetDateTime) row[1]).toInstant());
                }
            }
        }
        return earliest;
    }

    @Override
    public List<Job> findDue(String appName, Instant now, int limit) {
        return em.createQuery(
                        "SELECT j FROM Job j WHERE j.appName = :app AND j.enabled = TRUE "
                                + "AND j.nextFireAt <= :now ORDER BY j.nextFireAt",
                        Job.class)
                .setParameter("app", appName)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }
}
