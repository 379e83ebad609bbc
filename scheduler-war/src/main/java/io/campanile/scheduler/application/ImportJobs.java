package io.campanile.scheduler.application;

import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobResult;
import io.campanile.api.admin.JobView;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a document of jobs ({@link JobExport}) into an app, idempotently and all or none: every job of the document
 * is checked first (a refusal names it, {@code jobs[3].cron}); then, in one transaction, a job of a name the app does
 * not have is created, one defined otherwise is updated as {@link EditJobs#update} does (from now on, no fire created
 * twice), one defined alike is left as it is. Only when asked, the app's jobs that the document does not name are
 * deleted. Importing the same document again changes nothing.
 */
@ApplicationScoped
public class ImportJobs {

    /** The most jobs in one document: JSON arrays are at most this long anyway. */
    public static final int MAX_JOBS = 10_000;

    private ManageApps apps;
    private ManageJobs manage;
    private EditJobs edits;
    private JobRepository jobs;
    private Clock clock;

    protected ImportJobs() {}

    @Inject
    public ImportJobs(ManageApps apps, ManageJobs manage, EditJobs edits, JobRepository jobs, DatabaseClock clock) {
        this.apps = apps;
        this.manage = manage;
        this.edits = edits;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @param deleteMissing whether the app's live jobs that the document does not name are deleted */
    @Transactional
    public JobImportAnswer importJobs(String appName, JobExport document, boolean deleteMissing) {
        apps.require(appName);
        Instant now = clock.instant();
        Map<String, Job> existing = new HashMap<>();
        jobs.findByApp(appName).forEach(j -> existing.put(j.name(), j));
        Map<String, Planned> plan = plan(appName, document, existing, now);
        List<JobResult> results = new ArrayList<>();
        int[] counts = new int[JobChange.values().length];
        for (Planned p : plan.values()) {
            JobView done =
                    switch (p.change()) {
                        case CREATED -> manage.create(appName, p.definition());
                        case UPDATED -> edits.update(appName, JobRef.byId(p.existingId()), p.definition(), null);
                        default -> null;
                    };
            long id = done != null ? done.id() : p.existingId();
            results.add(new JobResult(id, p.definition().name(), p.change()));
            counts[p.change().ordinal()]++;
        }
        if (deleteMissing) {
            for (Job job : existing.values().stream()
                    .filter(j -> !plan.containsKey(j.name()))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList()) {
                edits.delete(appName, JobRef.byId(job.id()), null);
                results.add(new JobResult(job.id(), job.name(), JobChange.DELETED));
                counts[JobChange.DELETED.ordinal()]++;
            }
        }
        return new JobImportAnswer(
                counts[JobChange.CREATED.ordinal()],
                counts[JobChange.UPDATED.ordinal()],
                counts[JobChange.UNCHANGED.ordinal()],
                counts[JobChange.DELETED.ordinal()],
                results);
    }

    /** What becomes of each job of the document, by name in its order; every job checked before any is written. */
    private static Map<String, Planned> plan(
            String appName, JobExport document, Map<String, Job> existing, Instant now) {
        Check.present("body", document);
        Integer version = Check.present("formatVersion", document.formatVersion());
        if (version != JobExport.FORMAT_VERSION) {
            throw RequestRejected.invalid(
                    "formatVersion", "must be " + JobExport.FORMAT_VERSION + " (this server's format), not " + version);
        }
        List<JobDefinition> given = Check.present("jobs", document.jobs());
        if (given.size() > MAX_JOBS) {
            throw RequestRejected.invalid("jobs", "holds more than " + MAX_JOBS + " jobs");
        }
        Map<String, Planned> plan = new LinkedHashMap<>();
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "jobs[" + i + "]";
            JobDefinition d = Check.present(at, given.get(i));
            Planned planned;
            try {
                planned = plan(appName, d, existing.get(d.name()), now);
            } catch (RequestRejected e) {
                throw e.within(at + ".");
            }
            Integer earlier = indexByName.putIfAbsent(d.name(), i);
            if (earlier != null) {
                throw RequestRejected.invalid(at + ".name", "repeats the name of jobs[" + earlier + "]");
            }
            plan.put(d.name(), planned);
        }
        return plan;
    }

    private static Planned plan(String appName, JobDefinition d, Job existing, Instant now) {
        JobDefinitions.Checked checked = JobDefinitions.read(d, now, JobDefinitions.Use.CREATE);
        if (existing == null) {
            return new Planned(d, JobChange.CREATED, 0);
        }
        // the definition as the job it would make, in the same canonical form as the job there is
        boolean enabled = d.enabled() != null ? d.enabled() : existing.enabled();
        Job wanted = new Job(appName, d.name(), d.processor().trim(), checked.spec(), d.parameters(), enabled, now);
        checked.applyPolicies(wanted);
        boolean alike = ExportJobs.definitionOf(wanted).equals(ExportJobs.definitionOf(existing));
        return new Planned(d, alike ? JobChange.UNCHANGED : JobChange.UPDATED, existing.id());
    }

    private record Planned(JobDefinition definition, JobChange change, long existingId) {}
}
