package io.campanile.scheduler.application;

import io.campanile.api.ScheduleType;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.job.CronSchedule;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates and lists an app's jobs and their instances. */
@ApplicationScoped
public class ManageJobs {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_PARAMETERS = 65_536;

    private ManageApps apps;
    private DueWork dueWork;
    private JobRepository jobs;
    private InstanceRepository instances;
    private WorkerSummaryRepository workers;
    private Clock clock;

    protected ManageJobs() {}

    @Inject
    public ManageJobs(
            ManageApps apps,
            DueWork dueWork,
            JobRepository jobs,
            InstanceRepository instances,
            WorkerSummaryRepository workers,
            DatabaseClock clock) {
        this.apps = apps;
        this.dueWork = dueWork;
        this.jobs = jobs;
        this.instances = instances;
        this.workers = workers;
        this.clock = clock;
    }

    @Transactional
    public JobView create(String appName, JobDefinition d) {
        apps.require(appName);
        Check.present("body", d);
        Check.matches("name", d.name(), NAME, "1-128 letters, digits, '.', '_' or '-'");
        Check.identifier("processor", d.processor(), 200);
        Check.text("parameters", d.parameters(), MAX_PARAMETERS);
        ScheduleType type =
                d.scheduleType() != null ? d.scheduleType() : d.cron() != null ? ScheduleType.CRON : ScheduleType.API;
        String zone =
                d.timeZone() == null || d.timeZone().isBlank() ? "UTC" : Check.identifier("timeZone", d.timeZone(), 64);
        try {
            CronSchedule.zone(zone);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("timeZone", Check.cut(e.getMessage()));
        }
        if (type == ScheduleType.CRON) {
            Check.present("cron", d.cron());
            try {
                CronSchedule.parse(d.cron(), zone).checkFires(clock.instant());
            } catch (IllegalArgumentException e) {
                throw RequestRejected.invalid("cron", e.getMessage());
            }
        } else if (d.cron() != null) {
            throw RequestRejected.invalid("cron", "only a CRON job has a CRON expression");
        }
        if (jobs.existsByName(appName, d.name())) {
            throw RequestRejected.conflict("app " + appName + " already has a job named '" + d.name() + "'");
        }
        Job job = new Job(
                appName,
                d.name(),
                d.processor().trim(),
                type,
                type == ScheduleType.CRON ? d.cron().trim() : null,
                zone,
                d.parameters(),
                d.enabled() == null || d.enabled(),
                clock.instant());
        jobs.add(job);
        dueWork.jobsChanged(appName);
        return Views.of(job, workers.find(appName));
    }

    @Transactional
    public List<JobView> list(String appName) {
        apps.require(appName);
        Optional<WorkerSummary> seen = workers.find(appName);
        return jobs.findByApp(appName).stream().map(job -> Views.of(job, seen)).toList();
    }

    @Transactional
    public Job require(String appName, long jobId) {
        apps.require(appName);
        return jobs.find(appName, jobId)
                .orElseThrow(() -> RequestRejected.notFound("app " + appName + " has no job " + jobId));
    }

    @Transactional
    public List<InstanceView> instances(String appName, long jobId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw RequestRejected.invalid("limit", "must be between 1 and 1000");
        }
        Job job = require(appName, jobId);
        Optional<WorkerSummary> seen = workers.find(appName);
        return instances.findByJob(jobId, limit).stream()
                .map(i -> Views.of(i, job, seen))
                .toList();
    }
}
