package io.campanile.benchmark;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.client.CampanileAdminClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The apps and jobs a Campanile server has defined besides the benchmark's own: created through the admin API
 * ({@link CampanileAdminClient}), an app at a time with its jobs, several apps at once. Every job is a CRON job
 * that fires once a year, on the first of the month six months from now, so none is due while the benchmark
 * runs (a job that is never due would not be a CRON job the scheduler has to keep track of). The apps have no
 * worker: a worker per app would be a Payara Micro process of ~450 MB each.
 */
final class DefinedJobs {

    /** The processor named by the jobs; no worker has it, and none is asked to run it. */
    private static final String PROCESSOR = "bench";

    private final CampanileAdminClient admin;
    private final int threads;
    private final String cron;
    private int apps;
    private int jobs;

    DefinedJobs(CampanileAdminClient admin, int threads) {
        this.admin = admin;
        this.threads = threads;
        this.cron = yearlyCron(LocalDate.now(ZoneOffset.UTC));
    }

    /** {@code 0 0 0 1 <month> *}: midnight of the first of the month six months after {@code today}'s, UTC. */
    static String yearlyCron(LocalDate today) {
        return "0 0 0 1 " + today.plusMonths(6).getMonthValue() + " *";
    }

    /**
     * Adds apps of {@code jobsPerApp} jobs until at least {@code target} jobs are defined, or until
     * {@code bound} has passed (the apps under way are finished); returns how long it took.
     */
    Duration growTo(int target, int jobsPerApp, Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        int newApps = Math.max(0, (target - jobs + jobsPerApp - 1) / jobsPerApp);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < newApps; i++) {
                String app = String.format(Locale.ROOT, "scale-%05d", apps + i);
                created.add(pool.submit(() -> System.nanoTime() < deadline ? createApp(app, jobsPerApp) : 0));
            }
            for (Future<Integer> app : created) {
                int appJobs = app.get();
                if (appJobs > 0) {
                    apps++;
                    jobs += appJobs;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating jobs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the jobs: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The apps created so far. */
    int apps() {
        return apps;
    }

    /** The jobs created so far. */
    int jobs() {
        return jobs;
    }

    private int createApp(String app, int jobsPerApp) {
        admin.createApp(app, "secret-of-" + app);
        for (int j = 0; j < jobsPerApp; j++) {
            admin.createJob(app, JobDefinition.cron(String.format(Locale.ROOT, "job-%05d", j), PROCESSOR, cron));
        }
        return jobsPerApp;
    }
}
