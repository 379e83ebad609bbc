package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.AttemptOutcome;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.InstanceMove;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.InstanceTransitions;
import io.campanile.scheduler.domain.instance.InstanceTransitions.Cause;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instances; every state change is a conditional native update, set-based for claims and outcomes, whose effect
 * is read back in the same transaction.
 */
@ApplicationScoped
@Transactional
public class JpaInstanceRepository implements InstanceRepository {

    private static final int MAX_RESULT_LENGTH = 2000;

    /** The server whose moves are recorded; null in tests that build the repository by hand. */
    @Inject
    ServerIdentity me;

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    @Inject
    private Dialect dialect;

    @Inject
    private TransactionJdbc jdbc;

    protected JpaInstanceRepository() {}

    public JpaInstanceRepository(EntityManager em, Dialect dialect, TransactionJdbc jdbc) {
        this.em = em;
        this.dialect = dialect;
        this.jdbc = jdbc;
    }

    @Override
    public void add(JobInstance instance) {
        em.persist(instance);
        em.flush();
    }

    @Override
    public void addAll(List<JobInstance> added) {
        em.flush(); // what JPA holds goes first: the batch follows on the transaction's connection
        jdbc.run(c -> {
            new InstanceInserts(dialect).insert(c, added);
            return added.size();
        });
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
    public Map<String, Long> idsByFireKey(long jobId, Collection<String> fireKeys) {
        List<String> keys = List.copyOf(fireKeys);
        return jdbc.run(c -> new InstanceInserts(dialect).idsByFireKey(c, jobId, keys));
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
    public List<DueAttempt> findDue(String appName, Instant now, int limit) {
        // only the columns a worker needs, as plain rows: no entity is built or tracked per due instance
        // result is read only for retries (attempt > 1): the outcome of the attempt before, for the processor
        List<?> rows = em.createNativeQuery("SELECT id, attempt, job_id, fire_time, parameters, due_at, "
                        + "CASE WHEN attempt > 1 THEN result END FROM job_instance "
                        + "WHERE app_name = ?1 AND state = 'WAITING' AND due_at <= ?2 ORDER BY due_at, id "
                        + "LIMIT ?3")
                .setParameter(1, appName)
                .setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new DueAttempt(
                        Rows.number(r[0]),
                        (int) Rows.number(r[1]),
                        Rows.number(r[2]),
                        Rows.instant(r[3]),
                        (String) r[4],
                        Rows.instant(r[5]),
                        (String) r[6]))
                .toList();
    }

    @Override
    public List<AttemptSnapshot> claim(String appName, String workerId, long epoch, Collection<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        Query update = em.createNativeQuery(AttemptUpdates.claim(attempts.size()));
        update.setParameter(1, workerId)
                .setParameter(2, epoch)
                .setParameter(3, appName)
                .setParameter(4, epoch)
                .setParameter(5, appName);
        AttemptUpdates.bindPairs(update, 6, attempts);
        if (update.executeUpdate() == attempts.size()) {
            // each requested attempt matched a row of its own and is now RUNNING here: nothing to read back
            return attempts.stream()
                    .map(a -> new AttemptSnapshot(a.instanceId(), a.attempt(), InstanceState.RUNNING, workerId, epoch))
                    .toList();
        }
        return snapshots(appName, attempts.stream().map(Attempt::instanceId).toList());
    }

    @Override
    public List<AttemptSnapshot> recordOutcomes(String appName, String workerId, Collection<AttemptOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        // one statement per distinct (state, message): a batch of no-op runs is one or two statements
        Map<List<Object>, List<Attempt>> groups = new LinkedHashMap<>();
        for (AttemptOutcome o : outcomes) {
            groups.computeIfAbsent(Arrays.asList(o.state(), truncate(o.message())), k -> new ArrayList<>())
                    .add(o.attempt());
        }
        int updated = 0;
        for (Map.Entry<List<Object>, List<Attempt>> group : groups.entrySet()) {
            List<Object> key = group.getKey();
            List<Attempt> attempts = group.getValue();
            InstanceState state = (InstanceState) key.get(0);
            Query update = em.createNativeQuery(AttemptUpdates.outcome(state, attempts.size()));
            update.setParameter(1, state.name())
                    .setParameter(2, key.get(1))
                    .setParameter(3, appName)
                    .setParameter(4, workerId);
            AttemptUpdates.bindPairs(update, 5, attempts);
            updated += update.executeUpdate();
        }
        if (updated == outcomes.size()) {
            // each reported attempt matched a row of its own and ended as reported: nothing to read back
            return outcomes.stream()
                    .map(o -> new AttemptSnapshot(
                            o.attempt().instanceId(),
                            o.attempt().attempt(),
                            o.state(),
                            workerId,
                            AttemptSnapshot.EPOCH_NOT_READ))
                    .toList();
        }
        return snapshots(
                appName, outcomes.stream().map(o -> o.attempt().instanceId()).toList());
    }

    @Override
    public boolean retry(
            Attempt attempt, String workerId, AttemptEnd end, String message, Instant dueAt, String serverId) {
        // the history row is copied from the running attempt itself: nothing is written unless it still runs there
        int kept = em.createNativeQuery("INSERT INTO job_attempt (instance_id, attempt, worker_id, epoch, started_at, "
                        + "finished_at, outcome, result, retried_by) SELECT id, attempt, worker_id, epoch, started_at, "
                        + "CURRENT_TIMESTAMP, ?1, ?2, ?3 FROM job_instance WHERE id = ?4 AND attempt = ?5 "
                        + "AND worker_id = ?6 AND state IN "
                        + AttemptUpdates.sourcesOf(InstanceState.WAITING, Cause.RETRY))
                .setParameter(1, end.name())
                .setParameter(2, truncate(message))
                .setParameter(3, serverId)
                .setParameter(4, attempt.instanceId())
                .setParameter(5, attempt.attempt())
                .setParameter(6, workerId)
                .executeUpdate();
        if (kept == 0) {
            return false;
        }
        String how =
                switch (end) {
                    case FAILED -> "failed";
                    case TIMED_OUT -> "timed out";
                    case WORKER_LOST -> "lost";
                    case SUCCEEDED -> "succeeded";
                    case CANCELLED -> "cancelled";
                };
        String waits = "attempt " + attempt.attempt() + " " + how + (message == null ? "" : ": " + message);
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'WAITING', attempt = attempt + 1, "
                        + "due_at = ?1, worker_id = NULL, started_at = NULL, result = ?2 WHERE id = ?3 "
                        + "AND attempt = ?4 AND worker_id = ?5 AND state IN "
                        + AttemptUpdates.sourcesOf(InstanceState.WAITING, Cause.RETRY))
                .setParameter(1, dueAt.atOffset(ZoneOffset.UTC))
                .setParameter(2, truncate(waits))
                .setParameter(3, attempt.instanceId())
                .setParameter(4, attempt.attempt())
                .setParameter(5, workerId)
                .executeUpdate();
        boolean moved = Rows.singleRow(count, "retry of instance " + attempt.instanceId());
        if (moved) {
            moved(attempt.instanceId(), attempt.attempt() + 1, InstanceState.WAITING, Cause.RETRY, workerId, waits);
        }
        return moved;
    }

    @Override
    public boolean stop(long instanceId, String reason) {
        return cancelled(instanceId, reason, Cause.OPERATOR, "stop");
    }

    @Override
    public boolean rerun(
            long instanceId, int attempt, InstanceState ended, Instant dueAt, String note, String serverId) {
        if (!InstanceTransitions.canMove(ended, InstanceState.WAITING, Cause.OPERATOR)) {
            return false;
        }
        int kept = em.createNativeQuery("INSERT INTO job_attempt (instance_id, attempt, worker_id, epoch, started_at, "
                        + "finished_at, outcome, result, retried_by) SELECT id, attempt, worker_id, epoch, started_at, "
                        + "COALESCE(finished_at, CURRENT_TIMESTAMP), state, result, ?1 FROM job_instance "
                        + "WHERE id = ?2 AND attempt = ?3 AND state = ?4")
                .setParameter(1, serverId)
                .setParameter(2, instanceId)
                .setParameter(3, attempt)
                .setParameter(4, ended.name())
                .executeUpdate();
        if (kept == 0) {
            return false;
        }
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'WAITING', attempt = attempt + 1, "
                        + "due_at = ?1, worker_id = NULL, started_at = NULL, finished_at = NULL, result = ?2 "
                        + "WHERE id = ?3 AND attempt = ?4 AND state = ?5")
                .setParameter(1, dueAt.atOffset(ZoneOffset.UTC))
                .setParameter(2, truncate(note))
                .setParameter(3, instanceId)
                .setParameter(4, attempt)
                .setParameter(5, ended.name())
                .executeUpdate();
        boolean moved = Rows.singleRow(count, "new attempt of instance " + instanceId);
        if (moved) {
            moved(instanceId, attempt + 1, InstanceState.WAITING, Cause.OPERATOR, null, note);
        }
        return moved;
    }

    @Override
    public boolean markSucceeded(long instanceId, int attempt, InstanceState ended, String result) {
        if (!InstanceTransitions.canMove(ended, InstanceState.SUCCEEDED, Cause.OPERATOR)) {
            return false;
        }
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'SUCCEEDED', result = ?1, "
                        + "finished_at = COALESCE(finished_at, CURRENT_TIMESTAMP) WHERE id = ?2 AND attempt = ?3 "
                        + "AND state = ?4")
                .setParameter(1, truncate(result))
                .setParameter(2, instanceId)
                .setParameter(3, attempt)
                .setParameter(4, ended.name())
                .executeUpdate();
        boolean moved = Rows.singleRow(count, "success of instance " + instanceId);
        if (moved) {
            moved(instanceId, attempt, InstanceState.SUCCEEDED, Cause.OPERATOR, null, result);
        }
        return moved;
    }

    @Override
    public List<AttemptSnapshot> snapshotsOf(String appName, Collection<Long> instanceIds) {
        return instanceIds.isEmpty() ? List.of() : snapshots(appName, List.copyOf(instanceIds));
    }

    @Override
    public List<EarlierAttempt> earlierAttempts(long instanceId) {
        List<?> rows = em.createNativeQuery("SELECT instance_id, attempt, worker_id, epoch, started_at, finished_at, "
                        + "outcome, result, retried_by FROM job_attempt WHERE instance_id = ?1 ORDER BY attempt")
                .setParameter(1, instanceId)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new EarlierAttempt(
                        Rows.number(r[0]),
                        (int) Rows.number(r[1]),
                        (String) r[2],
                        Rows.number(r[3]),
                        r[4] == null ? null : Rows.instant(r[4]),
                        Rows.instant(r[5]),
                        AttemptEnd.valueOf((String) r[6]),
                        (String) r[7],
                        (String) r[8]))
                .toList();
    }

    @Override
    public boolean failRunning(Attempt attempt, String workerId, String reason) {
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'FAILED', result = ?1, "
                        + "finished_at = CURRENT_TIMESTAMP WHERE id = ?2 AND attempt = ?3 AND worker_id = ?4 "
                        + "AND state IN " + AttemptUpdates.sourcesOf(InstanceState.FAILED, Cause.LOST))
                .setParameter(1, truncate(reason))
                .setParameter(2, attempt.instanceId())
                .setParameter(3, attempt.attempt())
                .setParameter(4, workerId)
                .executeUpdate();
        boolean moved = Rows.singleRow(count, "failure of instance " + attempt.instanceId());
        if (moved) {
            moved(attempt.instanceId(), attempt.attempt(), InstanceState.FAILED, Cause.LOST, workerId, reason);
        }
        return moved;
    }

    private List<AttemptSnapshot> snapshots(String appName, List<Long> ids) {
        Query select = em.createNativeQuery(AttemptUpdates.snapshots(ids.size()));
        select.setParameter(1, appName);
        for (int i = 0; i < ids.size(); i++) {
            select.setParameter(2 + i, ids.get(i));
        }
        return snapshotsOf(select.getResultList());
    }

    /** Rows of {@code id, attempt, state, worker_id, epoch}. */
    private static List<AttemptSnapshot> snapshotsOf(List<?> rows) {
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new AttemptSnapshot(
                        Rows.number(r[0]),
                        (int) Rows.number(r[1]),
                        InstanceState.valueOf((String) r[2]),
                        (String) r[3],
                        Rows.number(r[4])))
                .toList();
    }

    @Override
    public List<JobInstance> findGoing(String appName, long jobId, Instant before) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.appName = :app AND i.state IN :states "
                                + "AND i.fireTime < :before AND i.jobId = :job ORDER BY i.fireTime, i.id",
                        JobInstance.class)
                .setParameter("app", appName)
                .setParameter("states", List.of(InstanceState.WAITING, InstanceState.BUFFERED, InstanceState.RUNNING))
                .setParameter("before", before.atOffset(ZoneOffset.UTC))
                .setParameter("job", jobId)
                .getResultList();
    }

    @Override
    public List<JobInstance> findBuffered(String appName, int limit) {
        return em.createQuery(
                        "SELECT i FROM JobInstance i WHERE i.appName = :app AND i.state = :state "
                                + "ORDER BY i.fireTime, i.id",
                        JobInstance.class)
                .setParameter("app", appName)
                .setParameter("state", InstanceState.BUFFERED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean release(long instanceId) {
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'WAITING' WHERE id = ?1 AND state IN "
                        + AttemptUpdates.sourcesOf(InstanceState.WAITING, Cause.RELEASE))
                .setParameter(1, instanceId)
                .executeUpdate();
        boolean moved = Rows.singleRow(count, "release of instance " + instanceId);
        if (moved) {
            movedAsRow(instanceId, Cause.RELEASE, null);
        }
        return moved;
    }

    @Override
    public boolean cancel(long instanceId, String reason) {
        return cancelled(instanceId, reason, Cause.OVERLAP, "cancellation");
    }

    /** Ends the instance as CANCELLED with the reason, from the states {@code cause} may cancel. */
    private boolean cancelled(long instanceId, String reason, Cause cause, String what) {
        int count = em.createNativeQuery("UPDATE job_instance SET state = 'CANCELLED', result = ?1, "
                        + "finished_at = CURRENT_TIMESTAMP WHERE id = ?2 AND state IN "
                        + AttemptUpdates.sourcesOf(InstanceState.CANCELLED, cause))
                .setParameter(1, truncate(reason))
                .setParameter(2, instanceId)
                .executeUpdate();
        boolean moved = Rows.singleRow(count, what + " of instance " + instanceId);
        if (moved) {
            movedAsRow(instanceId, cause, reason);
        }
        return moved;
    }

    @Override
    public List<AttemptSnapshot> findRunning(String appName) {
        List<?> rows = em.createNativeQuery("SELECT id, attempt, state, worker_id, epoch FROM job_instance "
                        + "WHERE app_name = ?1 AND state = 'RUNNING'")
                .setParameter(1, appName)
                .getResultList();
        return snapshotsOf(rows);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_RESULT_LENGTH
                ? message
                : message.substring(0, MAX_RESULT_LENGTH - 3) + "...";
    }

    @Override
    public Set<String> workersRunning(long jobId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT DISTINCT worker_id FROM job_instance WHERE job_id = ?1 AND state = 'RUNNING'")
                .setParameter(1, jobId)
                .getResultList();
        Set<String> workers = new HashSet<>();
        rows.forEach(r -> workers.add((String) r));
        return workers;
    }

    @Override
    public int failUnplaceable(String appName, long jobId, Instant dueBefore, String reason) {
        int failed = em.createNativeQuery("UPDATE job_instance SET state = 'FAILED', result = ?1, "
                        + "finished_at = CURRENT_TIMESTAMP WHERE app_name = ?2 AND job_id = ?3 AND state IN "
                        + AttemptUpdates.sourcesOf(InstanceState.FAILED, Cause.NO_WORKER) + " AND due_at <= ?4")
                .setParameter(1, truncate(reason))
                .setParameter(2, appName)
                .setParameter(3, jobId)
                .setParameter(4, dueBefore.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (failed > 0) {
            em.createNativeQuery("INSERT INTO instance_event (instance_id, attempt, state, cause, server_id, note) "
                            + "SELECT id, attempt, state, ?1, ?2, result FROM job_instance j WHERE app_name = ?3 "
                            + "AND job_id = ?4 AND state = 'FAILED' AND result = ?5 AND NOT EXISTS (SELECT 1 FROM "
                            + "instance_event e WHERE e.instance_id = j.id AND e.cause = ?1)")
                    .setParameter(1, Cause.NO_WORKER.name())
                    .setParameter(2, serverId())
                    .setParameter(3, appName)
                    .setParameter(4, jobId)
                    .setParameter(5, truncate(reason))
                    .executeUpdate();
        }
        return failed;
    }

    @Override
    public List<InstanceMove> moves(long instanceId) {
        List<?> rows = em.createNativeQuery("SELECT at, attempt, state, cause, worker_id, server_id, note "
                        + "FROM instance_event WHERE instance_id = ?1 ORDER BY id")
                .setParameter(1, instanceId)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new InstanceMove(
                        Rows.instant(r[0]),
                        (int) Rows.number(r[1]),
                        InstanceState.valueOf((String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    /** Records a move this server made, with what the caller knows of it. */
    private void moved(long instanceId, int attempt, InstanceState state, Cause cause, String workerId, String note) {
        em.createNativeQuery("INSERT INTO instance_event (instance_id, attempt, state, cause, worker_id, server_id, "
                        + "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, instanceId)
                .setParameter(2, attempt)
                .setParameter(3, state.name())
                .setParameter(4, cause.name())
                .setParameter(5, workerId)
                .setParameter(6, serverId())
                .setParameter(7, truncate(note))
                .executeUpdate();
    }

    /** Records a move this server made, reading the attempt, state and worker from the row as it left it. */
    private void movedAsRow(long instanceId, Cause cause, String note) {
        em.createNativeQuery("INSERT INTO instance_event (instance_id, attempt, state, cause, worker_id, server_id, "
                        + "note) SELECT id, attempt, state, ?1, worker_id, ?2, ?3 FROM job_instance WHERE id = ?4")
                .setParameter(1, cause.name())
                .setParameter(2, serverId())
                .setParameter(3, truncate(note))
                .setParameter(4, instanceId)
                .executeUpdate();
    }

    private String serverId() {
        return me == null ? null : me.id();
    }

    @Override
    public Map<Long, Instant> fireTimes(String appName, Collection<Long> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> fireTimes = new HashMap<>();
        em.createQuery(
                        "SELECT i.id, i.fireTime FROM JobInstance i WHERE i.appName = :app AND i.id IN :ids",
                        Object[].class)
                .setParameter("app", appName)
                .setParameter("ids", List.copyOf(instanceIds))
                .getResultList()
                .forEach(r -> fireTimes.put(Rows.number(r[0]), Rows.instant(r[1])));
        return fireTimes;
    }
}
