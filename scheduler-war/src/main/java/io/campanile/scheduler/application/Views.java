package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobView;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;

/** Converts domain objects to the API's views. */
public final class Views {

    private Views() {}

    public static JobView of(Job job) {
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
                job.scheduleError().orElse(null));
    }

    public static InstanceView of(JobInstance i, String jobName) {
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
                i.dispatchedAt(),
                i.startedAt(),
                i.finishedAt(),
                i.result());
    }
}
