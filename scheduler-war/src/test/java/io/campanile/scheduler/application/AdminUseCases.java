package io.campanile.scheduler.application;

import io.campanile.api.admin.AppRegistration;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import io.campanile.scheduler.testing.InMemoryApps;
import io.campanile.scheduler.testing.InMemoryInstances;
import io.campanile.scheduler.testing.InMemoryJobs;
import io.campanile.scheduler.testing.InMemoryOwnershipRepository;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.Optional;

/** The admin use cases of one server wired to in-memory repositories and a clock the test moves. */
final class AdminUseCases {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final DatabaseClock databaseClock = new DatabaseClock(clock, clock);
    final InMemoryApps appRepository = new InMemoryApps();
    final InMemoryJobs jobRepository = new InMemoryJobs();
    final DueWork dueWork = new DueWork();
    final ManageApps apps;
    final ManageJobs jobs;
    final EditJobs edits;
    final ChangeJobsInBulk bulk;
    final ExportJobs exports;
    final ImportJobs imports;

    AdminUseCases() {
        WorkerSummaryRepository noWorkers = new WorkerSummaryRepository() {
            @Override
            public void publish(WorkerSummary summary, long epoch) {}

            @Override
            public Optional<WorkerSummary> find(String appName) {
                return Optional.empty();
            }
        };
        apps = new ManageApps(appRepository, new InMemoryOwnershipRepository(clock), databaseClock);
        jobs = new ManageJobs(apps, dueWork, jobRepository, new InMemoryInstances(), noWorkers, databaseClock);
        edits = new EditJobs(jobs, jobRepository, noWorkers, dueWork, databaseClock);
        bulk = new ChangeJobsInBulk(apps, jobRepository, dueWork, databaseClock);
        exports = new ExportJobs(apps, jobRepository, databaseClock);
        imports = new ImportJobs(apps, jobs, edits, jobRepository, databaseClock);
    }

    /** Registers the app, as the admin API does. */
    AdminUseCases app(String name) {
        apps.create(new AppRegistration(name, "secret-of-" + name));
        return this;
    }
}
