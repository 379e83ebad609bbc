package io.campanile.scheduler.application;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Changes jobs live: update, pause, resume, delete. Each change locks the job's row, so that it is ordered with the
 * owner's firing of the job (a fire created before the change stays, the next follows the new definition, none is
 * created twice), and takes effect on the owner at its next look at the app's jobs, within a second, whichever
 * server received it.
 */
@ApplicationScoped
public class EditJobs {

    static final int MAX_NOTE = 1000;

    private ManageJobs manage;
    private JobRepository jobs;
    private WorkerSummaryRepository workers;
    private DueWork dueWork;
    private Clock clock;

    protected EditJobs() {}

    @Inject
    public EditJobs(
            ManageJobs manage,
            JobRepository jobs,
            WorkerSummaryRepository workers,
            DueWork dueWork,
            DatabaseClock clock) {
        this.manage = manage;
        this.jobs = jobs;
        this.workers = workers;
        this.dueWork = dueWork;
        this.clock = clock;
    }

    @Transactional
    public JobView get(String appName, JobRef ref) {
        return view(manage.requireAny(appName, ref));
    }

    /**
     * Replaces the job's processor, parameters and schedule. The name cannot change (it may be left out). {@code
     * enabled}, when given, pauses or resumes the job as well.
     *
     * @param expectedRevision the revision the caller last read (If-Match), or null to change whatever it is now
     */
    @Transactional
    public JobView update(String appName, JobRef ref, JobDefinition d, Long expectedRevision) {
        Check.present("body", d);
        Job job = locked(appName, ref, expectedRevision);
        Instant now = clock.instant();
        JobDefinitions.Checked checked = JobDefinitions.read(d, now, JobDefinitions.Use.UPDATE);
        if (d.name() != null && !d.name().equals(job.name())) {
            throw RequestRejected.invalid(
                    "name", "a job's name cannot change (" + Check.quote(job.name()) + "); leave it out or repeat it");
        }
        job.redefine(d.processor().trim(), checked.spec(), d.parameters(), now);
        checked.applyPolicies(job);
        if (d.enabled() != null && d.enabled() != job.enabled()) {
            if (d.enabled()) {
                job.resume(now);
            } else {
                job.pause(null, now);
            }
        }
        return changed(job);
    }

    @Transactional
    public JobView pause(String appName, JobRef ref, String note, Long expectedRevision) {
        Check.text("note", note, MAX_NOTE);
        Job job = locked(appName, ref, expectedRevision);
        job.pause(note, clock.instant());
        return changed(job);
    }

    /** Fires again from now on; the fire times while it was paused are not created. */
    @Transactional
    public JobView resume(String appName, JobRef ref, Long expectedRevision) {
        Job job = locked(appName, ref, expectedRevision);
        job.resume(clock.instant());
        return changed(job);
    }

    /** The job stops firing and its name is free; it and its instances stay readable by its id. */
    @Transactional
    public JobView delete(String appName, JobRef ref, Long expectedRevision) {
        Job job = locked(appName, ref, expectedRevision);
        job.delete(clock.instant());
        return changed(job);
    }

    /** The job, its row locked: one read when named by id. */
    private Job locked(String appName, JobRef ref, Long expectedRevision) {
        Job job = jobs.findForChange(appName, manage.idOf(appName, ref)).orElse(null);
        if (job == null) {
            manage.requireAny(appName, ref); // says which is missing, the app or the job
            throw RequestRejected.notFound("app " + appName + " has no " + ref);
        }
        if (job.deleted()) {
            throw RequestRejected.conflict(ref + " of app " + appName + " was deleted at "
                    + job.deletedAt().orElseThrow());
        }
        if (expectedRevision != null && expectedRevision != job.revision()) {
            throw RequestRejected.conflict(ref + " of app " + appName + " is at revision " + job.revision() + ", not "
                    + expectedRevision + ": it changed since it was read; read it again");
        }
        return job;
    }

    private JobView changed(Job job) {
        dueWork.jobsChanged(job.appName());
        return view(job);
    }

    private JobView view(Job job) {
        return Views.of(job, workers.find(job.appName()));
    }
}
