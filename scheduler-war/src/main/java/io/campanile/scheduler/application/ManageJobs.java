package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.SchedulePreview;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates and lists an app's jobs and their instances. */
@ApplicationScoped
public class ManageJobs {

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
        JobDefinitions.Checked checked = JobDefinitions.read(d, clock.instant(), JobDefinitions.Use.CREATE);
        if (jobs.existsByName(appName, d.name())) {
            throw RequestRejected.conflict("app " + appName + " already has a job named '" + d.name() + "'");
        }
        Job job = new Job(
                appName,
                d.name(),
                d.processor().trim(),
                checked.spec(),
                d.parameters(),
                d.enabled() == null || d.enabled(),
                clock.instant());
        checked.applyPolicies(job);
        jobs.add(job);
        dueWork.jobsChanged(appName);
        return Views.of(job, workers.find(appName));
    }

    /**
     * The next {@code count} fire times of a schedule that is not saved, checked as a job's would be when created
     * (name and processor may be absent).
     */
    @Transactional
    public SchedulePreview preview(String appName, JobDefinition d, int count) {
        apps.require(appName);
        Instant now = clock.instant();
        JobDefinitions.Checked checked = JobDefinitions.read(d, now, JobDefinitions.Use.PREVIEW);
        return SchedulePreviews.of(checked.spec(), now, count);
    }

    /** The next {@code count} fire times of a job, from its next one. */
    @Transactional
    public SchedulePreview fires(String appName, long jobId, int count) {
        Job job = require(appName, jobId);
        Instant from = job.nextFireTime().orElse(null);
        return from == null
                ? new SchedulePreview(job.timeZone(), List.of())
                : SchedulePreviews.of(job.spec(), from.minusNanos(1), count);
    }

    @Transactional
    public List<JobView> list(String appName) {
        apps.require(appName);
        Optional<WorkerSummary> seen = workers.find(appName);
        return jobs.findByApp(appName).stream().map(job -> Views.of(job, seen)).toList();
    }

    /** A live job of the app, to run or change. */
    @Transactional
    public Job require(String appName, long jobId) {
        Job job = requireAny(appName, JobRef.byId(jobId));
        if (job.deleted()) {
            throw RequestRejected.conflict("job " + jobId + " of app " + appName + " was deleted at "
                    + job.deletedAt().orElseThrow());
        }
        return job;
    }

    /** The job a request names, deleted or not when named by id (a name names a live job). */
    @Transactional
    public Job requireAny(String appName, JobRef ref) {
        apps.require(appName);
        Optional<Job> job = ref.isName() ? jobs.findByName(appName, ref.name()) : jobs.find(appName, ref.id());
        return job.orElseThrow(() -> RequestRejected.notFound("app " + appName + " has no " + ref));
    }

    /** The id of the job a request names. */
    @Transactional
    public long idOf(String appName, JobRef ref) {
        return ref.isName() ? requireAny(appName, ref).id() : ref.id();
    }

    @Transactional
    public List<InstanceView> instances(String appName, long jobId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw RequestRejected.invalid("limit", "must be between 1 and 1000");
        }
        Job job = requireAny(appName, JobRef.byId(jobId));
        Optional<WorkerSummary> seen = workers.find(appName);
        return instances.findByJob(jobId, limit).stream()
                .map(i -> Views.of(i, job, seen))
                .toList();
    }
}
