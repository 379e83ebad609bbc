package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.Eligibility;
import io.campanile.scheduler.domain.worker.WorkerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Ends the instances that no worker may run: WAITING and due for longer than {@code
 * campanile.dispatch.no-worker-wait-millis} while no live worker of the app may run them (none at all, none with the
 * job's processor, none its routing allows), FAILED with a reason naming why, so that they neither wait for ever nor
 * fail silently. It looks at most every {@link #LOOK_EVERY_MILLIS}, at the oldest {@link #LOOK} such instances, and
 * never before the owner has held the app for the wait: a new owner knows no workers until they heartbeat to it.
 */
@ApplicationScoped
public class UnplaceableWork {

    private static final Logger LOG = Logger.getLogger(UnplaceableWork.class.getName());
    static final int LOOK = 100;
    static final long LOOK_EVERY_MILLIS = 5000;

    private InstanceRepository instances;
    private JobRepository jobs;
    private WorkerRegistry workers;
    private SchedulerSettings settings;
    private Clock clock;
    private final Map<String, Instant> lookedAt = new ConcurrentHashMap<>();

    protected UnplaceableWork() {}

    @Inject
    public UnplaceableWork(
            InstanceRepository instances,
            JobRepository jobs,
            WorkerRegistry workers,
            SchedulerSettings settings,
            DatabaseClock clock) {
        this(instances, jobs, workers, settings, (Clock) clock);
    }

    public UnplaceableWork(
            InstanceRepository instances,
            JobRepository jobs,
            WorkerRegistry workers,
            SchedulerSettings settings,
            Clock clock) {
        this.instances = instances;
        this.jobs = jobs;
        this.workers = workers;
        this.settings = settings;
        this.clock = clock;
    }

    /** Fails what no live worker may run; returns how many instances it failed. */
    public int fail(String appName, long heldForMillis) {
        long wait = settings.noWorkerWaitMillis();
        Instant now = clock.instant();
        Instant last = lookedAt.get(appName);
        if (heldForMillis < Math.max(wait, PublishWorkers.SETTLE_MILLIS)
                || (last != null && now.isBefore(last.plusMillis(LOOK_EVERY_MILLIS)))) {
            return 0;
        }
        lookedAt.put(appName, now);
        Instant dueBefore = now.minusMillis(wait);
        List<DueAttempt> waitingLong = instances.findDue(appName, dueBefore, LOOK);
        if (waitingLong.isEmpty()) {
            return 0;
        }
        List<WorkerStatus> live = workers.live(appName, settings.missedHeartbeats());
        Set<Long> jobIds = new LinkedHashSet<>();
        waitingLong.forEach(i -> jobIds.add(i.jobId()));
        int failed = 0;
        for (long jobId : jobIds) {
            Optional<Job> job = jobs.find(appName, jobId);
            if (job.isEmpty()) {
                continue;
            }
            Optional<String> why = Eligibility.noneEligible(
                    appName, live, job.get().processor(), job.get().routing());
            if (why.isPresent()) {
                int count = instances.failUnplaceable(
                        appName, jobId, dueBefore, why.get() + " within " + wait + " ms of the instance being due");
                failed += count;
                LOG.warning(() -> count + " instances of job " + job.get().name() + " of app " + appName + " failed: "
                        + why.get());
            }
        }
        return failed;
    }

    public void forget(String appName) {
        lookedAt.remove(appName);
    }
}
