package io.campanile.scheduler.testing;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.AttemptOutcome;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The instances a dispatch or recovery test sets up: due ones and running ones, with what was asked of them
 * counted. What these tests never call throws, so that a test cannot pass by calling it unnoticed.
 */
public final class InMemoryInstances implements InstanceRepository {

    private final List<JobInstance> due = new ArrayList<>();
    private final List<AttemptSnapshot> running = new CopyOnWriteArrayList<>();
    /** The limit of every {@link #findDue} call. */
    public final List<Integer> requestedLimits = new ArrayList<>();
    /** How many times running work was read. */
    public int runningReads;
    /** The attempts failed through {@link #failRunning}, with their reasons. */
    public final List<String> failed = new CopyOnWriteArrayList<>();

    public void due(JobInstance instance) {
        due.add(instance);
    }

    public void running(long instanceId, int attempt, String workerId, long epoch) {
        running.add(new AttemptSnapshot(instanceId, attempt, InstanceState.RUNNING, workerId, epoch));
    }

    @Override
    public List<DueAttempt> findDue(String appName, Instant now, int limit) {
        requestedLimits.add(limit);
        return due.stream()
                .filter(i -> i.appName().equals(appName) && !i.fireTime().isAfter(now))
                .sorted(java.util.Comparator.comparing(JobInstance::fireTime))
                .limit(limit)
                .map(i -> new DueAttempt(i.id(), i.attempt(), i.jobId(), i.fireTime(), i.parameters()))
                .toList();
    }

    @Override
    public List<AttemptSnapshot> findRunning(String appName) {
        runningReads++;
        return List.copyOf(running);
    }

    @Override
    public List<JobInstance> findGoing(String appName, long jobId, Instant before) {
        throw new UnsupportedOperationException("not used by the tests of this double");
    }

    @Override
    public List<JobInstance> findBuffered(String appName, int limit) {
        throw new UnsupportedOperationException("not used by the tests of this double");
    }

    @Override
    public boolean release(long instanceId) {
        throw new UnsupportedOperationException("not used by the tests of this double");
    }

    @Override
    public boolean cancel(long instanceId, String reason) {
        throw new UnsupportedOperationException("not used by the tests of this double");
    }

    @Override
    public boolean failRunning(Attempt attempt, String workerId, String reason) {
        boolean removed = running.removeIf(r -> r.instanceId() == attempt.instanceId()
                && r.attempt() == attempt.attempt()
                && workerId.equals(r.workerId()));
        if (removed) {
            failed.add(attempt.instanceId() + "/" + attempt.attempt() + ": " + reason);
        }
        return removed;
    }

    @Override
    public void add(JobInstance instance) {
        throw new UnsupportedOperationException();
    }

    /** Knows running attempts only as snapshots: no instance is found, so none is retried. */
    @Override
    public Optional<JobInstance> find(long instanceId) {
        return Optional.empty();
    }

    @Override
    public boolean retry(
            Attempt attempt, String workerId, AttemptEnd end, String message, Instant dueAt, String serverId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean stop(long instanceId, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean rerun(
            long instanceId, int attempt, InstanceState ended, Instant dueAt, String note, String serverId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean markSucceeded(long instanceId, int attempt, InstanceState ended, String result) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AttemptSnapshot> snapshotsOf(String appName, Collection<Long> instanceIds) {
        return running.stream()
                .filter(r -> instanceIds.contains(r.instanceId()))
                .toList();
    }

    @Override
    public List<EarlierAttempt> earlierAttempts(long instanceId) {
        return List.of();
    }

    @Override
    public Optional<JobInstance> findByFireKey(long jobId, String fireKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JobInstance> findByJob(long jobId, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addAll(List<JobInstance> instances) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Long> idsByFireKey(long jobId, Collection<String> fireKeys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AttemptSnapshot> claim(String appName, String workerId, long epoch, Collection<Attempt> attempts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AttemptSnapshot> recordOutcomes(String appName, String workerId, Collection<AttemptOutcome> outcomes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> workersRunning(long jobId) {
        Set<String> workers = new java.util.HashSet<>();
        for (AttemptSnapshot r : running) {
            due.stream()
                    .filter(i -> i.id() == r.instanceId() && i.jobId() == jobId)
                    .findFirst()
                    .ifPresent(i -> workers.add(r.workerId()));
        }
        return workers;
    }

    @Override
    public int failUnplaceable(String appName, long jobId, Instant dueBefore, String reason) {
        List<JobInstance> ended = due.stream()
                .filter(i -> i.appName().equals(appName)
                        && i.jobId() == jobId
                        && !i.fireTime().isAfter(dueBefore))
                .toList();
        due.removeAll(ended);
        ended.forEach(i -> failed.add(i.id() + "/" + i.attempt() + ": " + reason));
        return ended.size();
    }

    @Override
    public List<io.campanile.scheduler.domain.instance.InstanceMove> moves(long instanceId) {
        throw new UnsupportedOperationException("not used by the tests of this double");
    }

    @Override
    public Map<Long, Instant> fireTimes(String appName, Collection<Long> instanceIds) {
        return Map.copyOf(fireTimes);
    }

    /** What {@link #fireTimes} answers. */
    public final Map<Long, Instant> fireTimes = new java.util.concurrent.ConcurrentHashMap<>();
}
