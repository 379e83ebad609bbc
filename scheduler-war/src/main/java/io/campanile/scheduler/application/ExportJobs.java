package io.campanile.scheduler.application;

import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.scheduler.domain.job.FirePolicies;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * An app's live jobs as a document ({@link JobExport}) that {@link ImportJobs} takes back, into the same app or
 * another: each job as the definition that creates it again, with only the fields its schedule type takes.
 */
@ApplicationScoped
public class ExportJobs {

    private ManageApps apps;
    private JobRepository jobs;
    private Clock clock;

    protected ExportJobs() {}

    @Inject
    public ExportJobs(ManageApps apps, JobRepository jobs, DatabaseClock clock) {
        this.apps = apps;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional
    public JobExport export(String appName) {
        apps.require(appName);
        return new JobExport(
                JobExport.FORMAT_VERSION,
                appName,
                clock.instant(),
                jobs.findByApp(appName).stream().map(ExportJobs::definitionOf).toList());
    }

    /**
     * The definition that creates the job again. Two jobs are defined alike exactly when their definitions are
     * equal: every field is given in one canonical form (policies in full, a one-off by its instant).
     */
    static JobDefinition definitionOf(Job job) {
        ScheduleSpec spec = job.spec();
        ScheduleType type = spec.type();
        boolean hasFireTimes = type != ScheduleType.API && type != ScheduleType.FIXED_DELAY;
        boolean localTimes = type == ScheduleType.CRON || type == ScheduleType.DAILY_TIME_INTERVAL;
        FirePolicies policies = job.policies();
        return new JobDefinition(
                job.name(),
                job.processor(),
                type,
                spec.cron(),
                spec.zone().getId(),
                job.parameters(),
                job.enabled(),
                spec.interval() == null ? null : spec.interval().toString(),
                spec.startAt(),
                spec.endAt(),
                spec.runAt(),
                null,
                spec.dayStart() == null ? null : spec.dayStart().toString(),
                spec.dayEnd() == null ? null : spec.dayEnd().toString(),
                type == ScheduleType.DAILY_TIME_INTERVAL ? List.copyOf(new TreeSet<>(spec.days())) : null,
                localTimes ? spec.gapRule() : null,
                hasFireTimes ? policies.misfirePolicy() : null,
                hasFireTimes ? policies.catchUpWindow().map(Duration::toString).orElse(null) : null,
                hasFireTimes ? policies.overlapPolicy() : null,
                hasFireTimes && policies.overlapPolicy() != OverlapPolicy.ALLOW ? policies.maxConcurrent() : null,
                Views.retry(job.retry()),
                job.attemptTimeout().map(Duration::toString).orElse(null),
                Views.routing(job.routing()),
                job.logsLocal());
    }
}
