package io.campanile.scheduler.application;

import io.campanile.api.admin.InstancePage;
import io.campanile.scheduler.domain.instance.FirePosition;
import io.campanile.scheduler.domain.instance.InstanceFilter;
import io.campanile.scheduler.domain.instance.InstancePages;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists an app's instances page by page, filtered, with the total that match. */
@ApplicationScoped
public class ListInstances {

    private ManageApps apps;
    private ManageJobs jobs;
    private JobRepository jobRepository;
    private InstancePages pages;
    private WorkerSummaryRepository workers;

    protected ListInstances() {}

    @Inject
    public ListInstances(
            ManageApps apps,
            ManageJobs jobs,
            JobRepository jobRepository,
            InstancePages pages,
            WorkerSummaryRepository workers) {
        this.apps = apps;
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.pages = pages;
        this.workers = workers;
    }

    @Transactional
    public InstancePage list(String appName, InstanceQuery query) {
        apps.require(appName);
        Long jobId = query.job() == null
                ? null
                : jobs.requireAny(appName, query.job()).id();
        InstanceFilter filter =
                new InstanceFilter(appName, jobId, query.states(), query.from(), query.to(), query.worker());
        // one more than the page: whether a next page exists, without a second look
        List<JobInstance> found = pages.page(filter, query.newestFirst(), query.after(), query.limit() + 1);
        List<JobInstance> items = found.subList(0, Math.min(found.size(), query.limit()));
        String next =
                found.size() > query.limit() ? query.cursorAfter(FirePosition.of(items.get(items.size() - 1))) : null;
        Optional<WorkerSummary> seen = workers.find(appName);
        Map<Long, Job> jobsById = new HashMap<>();
        return new InstancePage(
                items.stream()
                        .map(i -> Views.of(
                                i,
                                jobsById.computeIfAbsent(
                                        i.jobId(),
                                        id -> jobRepository.find(appName, id).orElseThrow()),
                                seen))
                        .toList(),
                next,
                pages.count(filter));
    }
}
