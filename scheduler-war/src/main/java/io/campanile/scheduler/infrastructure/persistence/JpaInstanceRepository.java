package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.InstanceTransitions;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Instances; every state change is one conditional native update whose row count is checked. */
@ApplicationScoped
@Transactional
public class JpaInstanceRepository implements InstanceRepository {

    private static final int MAX_RESULT_LENGTH = 2000;

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaInstanceRepository() {}

    public JpaInstanceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(JobInstance instance) {
        em.persist(instance);
        em.flush();
    }

    @Override
    public Optional<JobInstance> find(long instanceId) {
        return Optional.ofNullable(em.find(JobInstance.class, instanceId));
    }

    @Override
    public Optional<JobInstance> findByFireKey(long jobId, String fireKey) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.jobId = :job AND i.fireKey = :key", JobInstance.class)
                .setParameter("job", jobId)
                .setParameter("key", fireKey)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<JobInstance> findByJob(long jobId, int limit) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.jobId = :job ORDER BY i.fireTime DESC, i.id DESC",
                        JobInstance.class)
                .setParameter("job", jobId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<JobInstance> findDue(String appName, Instant now, int limit) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.appName = :app AND i.state = :waiting "
                                + "AND i.fireTime <= :now ORDER BY i.fireTime, i.id",
                        JobInstance.class)
                .setParameter("app", appName)
                .setParameter("waiting", InstanceState.WAITING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean markDispatched(long instanceId, int attempt, String workerId, long epoch, String ownerId) {
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'DISPATCHED', worker_id = ?1, epoch = ?2, "
                        + "owner_id = ?3, dispatched_at = CURRENT_TIMESTAMP WHERE id = ?4 AND attempt = ?5 AND state IN "
                        + sources(InstanceState.DISPATCHED))
                .setParameter(1, workerId)
                .setParameter(2, epoch)
                .setParameter(3, ownerId)
                .setParameter(4, instanceId)
                .setParameter(5, attempt)
                .executeUpdate();
        return Rows.singleRow(count, "dispatch of instance " + instanceId);
    }

    @Override
    public boolean markUndelivered(long instanceId, int attempt, String workerId) {
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'WAITING', worker_id = NULL, "
                        + "dispatched_at = NULL WHERE id = ?1 AND attempt = ?2 AND worker_id = ?3 AND state IN "
                        + sources(InstanceState.WAITING))
                .setParameter(1, instanceId)
                .setParameter(2, attempt)
                .setParameter(3, workerId)
                .executeUpdate();
        return Rows.singleRow(count, "undelivered instance " + instanceId);
    }

    @Override
    public boolean hasUnacknowledged(String appName, long ackMillis) {
        return !em.createNativeQuery("SELECT id FROM job_instance WHERE app_name = ?1 AND state = 'DISPATCHED' "
                        + "AND dispatched_at < " + Rows.nowMinusMillis("?2"))
                .setParameter(1, appName)
                .setParameter(2, ackMillis)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public int retryUnacknowledged(String appName, long ackMillis) {
        return em.createNativeQuery("UPDATE job_instance SET state = 'WAITING', attempt = attempt + 1, "
                        + "result = 'worker ' || worker_id || ' did not acknowledge attempt ' || CAST(attempt AS VARCHAR(10)), "
                        + "worker_id = NULL, dispatched_at = NULL "
                        + "WHERE app_name = ?1 AND state = 'DISPATCHED' AND dispatched_at < "
                        + Rows.nowMinusMillis("?2"))
                .setParameter(1, appName)
                .setParameter(2, ackMillis)
                .executeUpdate();
    }

    @Override
    public boolean applyReport(long instanceId, int attempt, InstanceState target, String workerId, String message) {
        String timestamp = target == InstanceState.RUNNING ? "started_at" : "finished_at";
        int count = em.createNativeQuery("UPDATE job_instance SET state = ?1, worker_id = ?2, result = ?3, " + timestamp
                        + " = CURRENT_TIMESTAMP WHERE id = ?4 AND attempt = ?5 AND state IN " + sources(target))
                .setParameter(1, target.name())
                .setParameter(2, workerId)
                .setParameter(3, truncate(message))
                .setParameter(4, instanceId)
                .setParameter(5, attempt)
                .executeUpdate();
        return Rows.singleRow(count, "report on instance " + instanceId);
    }

    @Override
    public List<JobInstance> findRunning(String appName) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.appName = :app AND i.state = :running", JobInstance.class)
                .setParameter("app", appName)
                .setParameter("running", InstanceState.RUNNING)
                .getResultList();
    }

    private static String sources(InstanceState target) {
        return InstanceTransitions.sourcesOf(target).stream()
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_RESULT_LENGTH
                ? message
                : message.substring(0, MAX_RESULT_LENGTH - 3) + "...";
    }
}
