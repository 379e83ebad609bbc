package io.campanile.scheduler.application;

import io.campanile.api.admin.JobBulkAction;
import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobResult;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pauses, resumes or deletes many jobs of an app in one transaction, all or none, as {@link EditJobs} does one: each
 * job's row locked (all of them in id order, so that two bulk requests cannot deadlock), the same change of the job,
 * and the owner told (here at once, on another server at its next look, within a second). Every job named is found
 * and checked before any is changed; a job already as asked is left as it is and counted unchanged.
 */
@ApplicationScoped
public class ChangeJobsInBulk {

    /** The most jobs one request may name. */
    public static final int MAX_JOBS = 1000;

    private ManageApps apps;
    private JobRepository jobs;
    private DueWork dueWork;
    private Clock clock;

    protected ChangeJobsInBulk() {}

    @Inject
    public ChangeJobsInBulk(ManageApps apps, JobRepository jobs, DueWork dueWork, DatabaseClock clock) {
        this.apps = apps;
        this.jobs = jobs;
        this.dueWork = dueWork;
        this.clock = clock;
    }

    /**
     * @throws RequestRejected 400 for a bad request (naming the field), 404 naming a job the app does not have, 409
     *     naming a deleted job to pause or resume; nothing is changed then
     */
    @Transactional
    public JobBulkAnswer apply(String appName, JobBulkRequest request) {
        Check.present("body", request);
        JobBulkAction action = Check.present("action", request.action());
        if (request.note() != null && action != JobBulkAction.PAUSE) {
            throw RequestRejected.invalid("note", "only a PAUSE takes a note");
        }
        Check.text("note", request.note(), EditJobs.MAX_NOTE);
        Set<Long> ids = ids(request);
        List<String> names = names(request);
        if (ids.size() + names.size() == 0 || ids.size() + names.size() > MAX_JOBS) {
            throw RequestRejected.invalid("ids", "ids and names together must name 1 to " + MAX_JOBS + " jobs");
        }
        apps.require(appName);
        Map<String, Job> byName =
                jobs.findByNames(appName, names).stream().collect(Collectors.toMap(Job::name, Function.identity()));
        for (String name : names) {
            if (!byName.containsKey(name)) {
                throw RequestRejected.notFound("app " + appName + " has no job '" + name + "'; nothing was changed");
            }
        }
        Set<Long> all = new TreeSet<>(ids);
        byName.values().forEach(j -> all.add(j.id()));
        Map<Long, Job> locked = new LinkedHashMap<>();
        jobs.findForChange(appName, all).forEach(j -> locked.put(j.id(), j));
        for (long id : all) {
            Job job = locked.get(id);
            if (job == null) {
                throw RequestRejected.notFound("app " + appName + " has no job " + id + "; nothing was changed");
            }
            if (job.deleted() && action != JobBulkAction.DELETE) {
                throw RequestRejected.conflict("job " + id + " ('" + job.name() + "') of app " + appName
                        + " was deleted at " + job.deletedAt().orElseThrow() + "; nothing was changed");
            }
        }
        Instant now = clock.instant();
        List<JobResult> results = new ArrayList<>(locked.size());
        int changed = 0;
        for (Job job : locked.values()) {
            JobChange change = change(job, action, request.note(), now);
            changed += change == JobChange.UNCHANGED ? 0 : 1;
            results.add(new JobResult(job.id(), job.name(), change));
        }
        if (changed > 0) {
            dueWork.jobsChanged(appName);
        }
        return new JobBulkAnswer(action, changed, results.size() - changed, results);
    }

    private static JobChange change(Job job, JobBulkAction action, String note, Instant now) {
        switch (action) {
            case PAUSE -> {
                if (!job.enabled()) {
                    return JobChange.UNCHANGED;
                }
                job.pause(note, now);
                return JobChange.PAUSED;
            }
            case RESUME -> {
                if (job.enabled()) {
                    return JobChange.UNCHANGED;
                }
                job.resume(now);
                return JobChange.RESUMED;
            }
            case DELETE -> {
                if (job.deleted()) {
                    return JobChange.UNCHANGED;
                }
                job.delete(now);
                return JobChange.DELETED;
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    private static Set<Long> ids(JobBulkRequest request) {
        Set<Long> ids = new LinkedHashSet<>();
        List<Long> given = request.ids() == null ? List.of() : request.ids();
        if (given.size() > MAX_JOBS) {
            throw RequestRejected.invalid("ids", "names more than " + MAX_JOBS + " jobs");
        }
        for (int i = 0; i < given.size(); i++) {
            Long id = Check.present("ids[" + i + "]", given.get(i));
            ids.add(Check.range("ids[" + i + "]", id, 1, Long.MAX_VALUE));
        }
        return ids;
    }

    private static List<String> names(JobBulkRequest request) {
        Set<String> names = new LinkedHashSet<>();
        List<String> given = request.names() == null ? List.of() : request.names();
        if (given.size() > MAX_JOBS) {
            throw RequestRejected.invalid("names", "names more than " + MAX_JOBS + " jobs");
        }
        for (int i = 0; i < given.size(); i++) {
            names.add(Check.matches(
                    "names[" + i + "]", given.get(i), JobRef.NAME, "a job name: 1-128 of [A-Za-z0-9._-]"));
        }
        return List.copyOf(names);
    }
}
