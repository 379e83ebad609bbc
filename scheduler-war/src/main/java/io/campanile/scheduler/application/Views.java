package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.RoutingDefinition;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.RetryPolicy;
import io.campanile.scheduler.domain.job.Routing;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Converts domain objects to the API's views. */
public final class Views {

    private Views() {}

    public static JobView of(Job job) {
        return of(job, Optional.empty());
    }

    /** The job, with a warning if its app's workers cannot run it. */
    public static JobView of(Job job, Optional<WorkerSummary> workers) {
        ScheduleSpec spec = job.spec();
        return new JobView(
                job.id(),
                job.appName(),
                job.name(),
                job.processor(),
                job.scheduleType(),
                job.cron(),
                job.timeZone(),
                job.parameters(),
                job.enabled(),
                job.nextFireTime().orElse(null),
                job.createdAt(),
                job.scheduleError().orElse(null),
                workers.flatMap(w -> w.jobWarning(job.processor())).orElse(null),
                spec.interval() == null ? null : spec.interval().toString(),
                spec.startAt(),
                spec.endAt(),
                spec.runAt(),
                spec.dayStart() == null ? null : spec.dayStart().toString(),
                spec.dayEnd() == null ? null : spec.dayEnd().toString(),
                spec.type() == ScheduleType.DAILY_TIME_INTERVAL ? List.copyOf(new TreeSet<>(spec.days())) : null,
                spec.gapRule(),
                job.revision(),
                job.pausedNote().orElse(null),
                job.deletedAt().orElse(null),
                job.scheduleType() == ScheduleType.API || job.scheduleType() == ScheduleType.FIXED_DELAY
                        ? null
                        : job.policies().misfirePolicy(),
                job.policies().catchUpWindow().map(Duration::toString).orElse(null),
                job.policies().overlapPolicy(),
                job.policies().maxConcurrent(),
                retry(job.retry()),
                job.attemptTimeout().map(Duration::toString).orElse(null),
                routing(job.routing()),
                job.logsLocal());
    }

    static RoutingDefinition routing(Routing r) {
        return new RoutingDefinition(
                r.strategy(),
                r.workers(),
                r.tags(),
                r.minFreeHeapMb().isPresent() ? r.minFreeHeapMb().getAsLong() : null,
                r.maxCpuLoad().isPresent() ? r.maxCpuLoad().getAsDouble() : null,
                r.minFreeDiskMb().isPresent() ? r.minFreeDiskMb().getAsLong() : null,
                r.maxWorkers().isPresent() ? r.maxWorkers().getAsInt() : null);
    }

    static RetryDefinition retry(RetryPolicy policy) {
        return new RetryDefinition(
                policy.maxAttempts(),
                policy.backoff().toString(),
                policy.maxBackoff().toString(),
                policy.jitter(),
                policy.within().map(Duration::toString).orElse(null));
    }

    public static InstanceView of(JobInstance i, String jobName) {
        return of(i, jobName, null);
    }

    /** The instance, saying why it waits if it is WAITING and the app's workers explain it. */
    public static InstanceView of(JobInstance i, Job job, Optional<WorkerSummary> workers) {
        String reason = i.state() == InstanceState.WAITING
                ? workers.flatMap(w -> w.waitingReason(job.processor())).orElse(null)
                : null;
        return of(i, job.name(), reason);
    }

    private static InstanceView of(JobInstance i, String jobName, String waitingReason) {
        return new InstanceView(
                i.id(),
                i.jobId(),
                jobName,
                i.appName(),
                i.trigger(),
                i.fireTime(),
                i.state(),
                i.attempt(),
                i.epoch(),
                i.workerId(),
                i.ownerId(),
                i.createdAt(),
                i.startedAt(),
                i.finishedAt(),
                i.result(),
                waitingReason,
                i.dueAt());
    }
}
