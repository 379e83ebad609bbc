package io.campanile.scheduler.application;

import io.campanile.api.admin.JobPage;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobFilter;
import io.campanile.scheduler.domain.job.JobPages;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Lists an app's live jobs page by page, by name, filtered, with the total that match. */
@ApplicationScoped
public class ListJobs {

    private ManageApps apps;
    private JobPages pages;
    private WorkerSummaryRepository workers;

    protected ListJobs() {}

    @Inject
    public ListJobs(ManageApps apps, JobPages pages, WorkerSummaryRepository workers) {
        this.apps = apps;
        this.pages = pages;
        this.workers = workers;
    }

    @Transactional
    public JobPage list(String appName, JobQuery query) {
        apps.require(appName);
        JobFilter filter = new JobFilter(appName, query.namePrefix(), query.enabled());
        // one more than the page: whether a next page exists, without a second look
        List<Job> found = pages.page(filter, query.afterName(), query.limit() + 1);
        List<Job> items = found.subList(0, Math.min(found.size(), query.limit()));
        String next = found.size() > query.limit()
                ? JobQuery.cursorAfter(items.get(items.size() - 1).name())
                : null;
        Optional<WorkerSummary> seen = workers.find(appName);
        return new JobPage(items.stream().map(j -> Views.of(j, seen)).toList(), next, pages.count(filter));
    }
}
