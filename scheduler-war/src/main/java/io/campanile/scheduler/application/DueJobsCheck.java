package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the held apps have jobs due now (or within the look-ahead): one query a tick for every app whose job check is due
 * ({@link DueWork#jobsDue}), rather than a query and a transaction per app, so that a server holding many idle apps
 * costs one statement a second, not one per app. The apps with nothing due get their next look recorded in
 * {@link DueWork}; firing the others ({@link FireDueJobs}) records theirs.
 */
@ApplicationScoped
public class DueJobsCheck {

    private JobRepository jobs;
    private DueWork dueWork;
    private SchedulerSettings settings;

    protected DueJobsCheck() {}

    @Inject
    public DueJobsCheck(JobRepository jobs, DueWork dueWork, SchedulerSettings settings) {
        this.jobs = jobs;
        this.dueWork = dueWork;
        this.settings = settings;
    }

    /** The apps among {@code held} with a job due at {@code now} plus the look-ahead (fires are written ahead). */
    public Set<String> appsToFire(Collection<String> held, Instant now) {
        List<String> checking =
                held.stream().filter(app -> dueWork.jobsDue(app, now)).toList();
        if (checking.isEmpty()) {
            return Set.of();
        }
        Map<String, Instant> next = jobs.earliestNextFires(checking);
        Instant horizon = now.plusMillis(settings.lookAheadMillis());
        Set<String> due = new HashSet<>();
        for (String app : checking) {
            Instant first = next.get(app);
            if (first != null && !first.isAfter(horizon)) {
                due.add(app);
            } else {
                dueWork.jobsChecked(app, now, first == null ? null : first.minusMillis(settings.lookAheadMillis()));
            }
        }
        return due;
    }
}
