package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Instances and their state changes. Each change is one conditional update: it names the attempt
 * and the states it may start from, and reports whether it changed the row.
 */
public interface InstanceRepository {

    void add(JobInstance instance);

    Optional<JobInstance> find(long instanceId);

    Optional<JobInstance> findByFireKey(long jobId, String fireKey);

    /** Newest fire time first. */
    List<JobInstance> findByJob(long jobId, int limit);

    /** WAITING instances of the app due at {@code now}, oldest fire time first. */
    List<JobInstance> findDue(String appName, Instant now, int limit);

    boolean markDispatched(long instanceId, int attempt, String workerId, long epoch, String ownerId);

    /** Puts back an instance whose dispatch never reached the worker (same attempt). */
    boolean markUndelivered(long instanceId, int attempt, String workerId);

    /** Whether the app has instances dispatched more than {@code ackMillis} ago without acknowledgement. */
    boolean hasUnacknowledged(String appName, long ackMillis);

    /**
     * Sends back to WAITING, as the next attempt, every instance of the app dispatched more than
     * {@code ackMillis} ago without an acknowledgement; returns how many.
     */
    int retryUnacknowledged(String appName, long ackMillis);

    /** Applies a worker's report if the instance is at that attempt in a state it may move from. */
    boolean applyReport(long instanceId, int attempt, InstanceState target, String workerId, String message);

    List<JobInstance> findRunning(String appName);
}
