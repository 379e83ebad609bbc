package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instances and their state changes. Each change is a conditional update: it names the attempts and the
 * states they may start from, and what changed is read back in the same transaction. Changes of many
 * attempts are set-based: one statement for a whole claim or report batch.
 */
public interface InstanceRepository {

    void add(JobInstance instance);

    /** Adds many instances in one flush (JDBC batches). */
    void addAll(List<JobInstance> instances);

    Optional<JobInstance> find(long instanceId);

    Optional<JobInstance> findByFireKey(long jobId, String fireKey);

    /** The ids of the job's instances with these fire keys, by fire key. */
    Map<String, Long> idsByFireKey(long jobId, Collection<String> fireKeys);

    /** Newest fire time first. */
    List<JobInstance> findByJob(long jobId, int limit);

    /** WAITING attempts of the app due at {@code now}, oldest fire time first. */
    List<DueAttempt> findDue(String appName, Instant now, int limit);

    /**
     * Moves each WAITING attempt to RUNNING on the worker, under {@code epoch}, if {@code epoch} is still the
     * app's epoch in {@code server_info} (checked in the same statement); returns where each of the app's
     * requested instances stands afterwards (unknown ones are missing).
     */
    List<AttemptSnapshot> claim(String appName, String workerId, long epoch, Collection<Attempt> attempts);

    /**
     * Records each outcome on an attempt RUNNING on the worker; returns where each of the app's reported
     * instances stands afterwards (unknown ones are missing). When every outcome was recorded, the snapshots say so
     * without reading the rows back, and their epoch is {@link AttemptSnapshot#EPOCH_NOT_READ}.
     */
    List<AttemptSnapshot> recordOutcomes(String appName, String workerId, Collection<AttemptOutcome> outcomes);

    /** Where each RUNNING attempt of the app stands: its worker and the epoch it was claimed under. */
    List<AttemptSnapshot> findRunning(String appName);

    /**
     * The job's fires still going (WAITING, BUFFERED or RUNNING) with a fire time before {@code before}, oldest
     * first: what a new fire of it overlaps.
     */
    List<JobInstance> findGoing(String appName, long jobId, Instant before);

    /** The app's BUFFERED instances, oldest fire time first, at most {@code limit}. */
    List<JobInstance> findBuffered(String appName, int limit);

    /** Moves a BUFFERED instance to WAITING; false if it had moved on. */
    boolean release(long instanceId);

    /** Ends a WAITING, BUFFERED or RUNNING instance as CANCELLED with the reason; false if it had ended. */
    boolean cancel(long instanceId, String reason);

    /**
     * Ends the attempt RUNNING on the worker and makes the instance wait for its next attempt, due at {@code dueAt}:
     * the ended attempt is kept in the instance's history with how it ended, by whom it was retried, and {@code
     * message}; the instance's result says why it waits. False if the attempt had moved on (nothing written).
     */
    boolean retry(Attempt attempt, String workerId, AttemptEnd end, String message, Instant dueAt, String serverId);

    /** An operator stops the instance: WAITING, BUFFERED or RUNNING to CANCELLED; false if it had ended. */
    boolean stop(long instanceId, String reason);

    /**
     * An operator runs a finished instance again: if it still is at {@code attempt} in state {@code ended}, its attempt
     * is kept in its history and it waits for the next one, due at {@code dueAt}, its result {@code note}. False if it
     * had moved on (nothing written).
     */
    boolean rerun(long instanceId, int attempt, InstanceState ended, Instant dueAt, String note, String serverId);

    /** An operator marks a finished instance succeeded, if it still is at {@code attempt} in state {@code ended}. */
    boolean markSucceeded(long instanceId, int attempt, InstanceState ended, String result);

    /** Where each of these instances of the app stands (unknown ones are missing). */
    List<AttemptSnapshot> snapshotsOf(String appName, Collection<Long> instanceIds);

    /** The instance's attempts before its current one, first first. */
    List<EarlierAttempt> earlierAttempts(long instanceId);

    /** Ends an attempt still RUNNING on the worker as FAILED with the reason; false if it had moved on. */
    boolean failRunning(Attempt attempt, String workerId, String reason);

    /** The workers that run attempts of the job now (RUNNING instances). */
    Set<String> workersRunning(long jobId);

    /**
     * Ends the job's WAITING instances due at or before {@code dueBefore} as FAILED with the reason (no live worker
     * may run them); returns how many.
     */
    int failUnplaceable(String appName, long jobId, Instant dueBefore, String reason);

    /** The recorded moves of the instance (not its claims and reports), oldest first. */
    List<InstanceMove> moves(long instanceId);

    /** The fire times of those of the instances that are the app's (one read, for the fire lag of reported runs). */
    Map<Long, Instant> fireTimes(String appName, Collection<Long> instanceIds);
}
