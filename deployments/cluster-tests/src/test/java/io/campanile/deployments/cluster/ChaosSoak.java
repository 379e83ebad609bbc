package io.campanile.deployments.cluster;

import io.campanile.api.MisfirePolicy;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.client.CampanileAdminClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chaos soak on a started {@link ChaosCluster}: sets up each app's jobs (processor {@code audit}: a CRON job every
 * second, one every 2–5 s, a FIXED_RATE and a DAILY_TIME_INTERVAL job, a FIXED_DELAY job, a FIXED_RATE job every
 * second whose runs hold 1.5 s under an overlap policy, ONE_OFF jobs, a CRON job whose runs fail at random and are
 * retried, an on-demand job; and a backfill of a past range, asked for again after the faults), then for {@code duration} injects the plan's faults one at a time
 * while API runs are asked for, leaves a quiet period, and keeps the books. Prints a line per fault and the
 * {@code CHAOS ...} summary.
 */
final class ChaosSoak {

    /** After the last fault and API run: time for every started run to end and every owner to settle. */
    static final Duration QUIET = Duration.ofSeconds(20);
    /** How long after a fault an ownership change still counts as its consequence. */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** No fault starts later than this before the end of the soak (a restart may take half a minute). */
    static final Duration LAST_FAULT_MARGIN = Duration.ofSeconds(30);
    /** Fires this close to the window's ends are not counted: a fault may just be over, a run just starting. */
    static final Duration EDGE = Duration.ofSeconds(5);

    private final ChaosCluster cluster;
    private final ChaosPlan plan;
    private final List<ChaosBooks.CronJob> cronJobs = new ArrayList<>();
    private final ChaosOtherJobs otherJobs;
    private final Map<String, Long> onDemandJobs = new LinkedHashMap<>();
    private final List<ChaosFaultWindow> faults = new ArrayList<>();

    ChaosSoak(ChaosCluster cluster, ChaosPlan plan) {
        this.cluster = cluster;
        this.plan = plan;
        this.otherJobs = new ChaosOtherJobs(cluster);
    }

    /** Runs the soak; returns its books (the caller asserts them). */
    ChaosBooks run(Duration duration) throws SQLException, InterruptedException {
        Instant setupEnd = setUp(duration);
        System.out.println("CHAOS-MEMORY while all "
                + (cluster.servers().size() + cluster.workers().size()) + " JVMs are up (free -m): "
                + ChaosCluster.memory().replace("\n", " | "));
        ChaosApiRuns apiRuns = new ChaosApiRuns(cluster, plan, onDemandJobs);
        apiRuns.start();
        List<ChaosBooks.ApiRequest> requests;
        try {
            injectFaults(duration);
        } finally {
            requests = apiRuns.stop();
        }
        List<ChaosJobs.Backfill> backfills = otherJobs.repeatBackfills();
        System.out.println("CHAOS-API requests=" + requests.size() + " confirmed="
                + requests.stream().filter(ChaosBooks.ApiRequest::confirmed).count() + " failed-calls="
                + apiRuns.failedCalls());
        Poll.pause(QUIET);

        ChaosRecords records;
        try (Connection connection = cluster.database().connect()) {
            records = ChaosRecords.read(connection);
        }
        List<ChaosBooks.AppRun> runs = new ArrayList<>();
        for (String app : cluster.apps()) {
            AuditLog.read(cluster.auditFile(app)).forEach(run -> runs.add(new ChaosBooks.AppRun(app, run)));
        }
        Instant windowStart = setupEnd.plus(EDGE).truncatedTo(ChronoUnit.SECONDS);
        Instant windowEnd = records.databaseTime().minus(EDGE);
        System.out.println("CHAOS-WINDOW " + windowStart + ".." + windowEnd + " instances="
                + records.instances().size() + " audit-lines=" + runs.size());
        ChaosJobs jobs = otherJobs.jobs(cronJobs, backfills);
        return new ChaosBooks(windowStart, windowEnd, setupEnd, jobs, requests, records, runs, faults, GRACE);
    }

    List<ChaosFaultWindow> faults() {
        return List.copyOf(faults);
    }

    /** Creates the apps and jobs and waits until every CRON job has run twice; returns when set-up ended. */
    private Instant setUp(Duration duration) throws SQLException {
        CampanileAdminClient admin = cluster.servers().get(0).admin();
        List<Integer> periods = plan.cronPeriods(cluster.apps().size());
        List<Duration> oneOffDelays =
                plan.oneOffDelays(cluster.apps().size(), ChaosOtherJobs.ONE_OFFS_PER_APP, duration);
        for (int i = 0; i < cluster.apps().size(); i++) {
            String app = cluster.apps().get(i);
            admin.createApp(app, cluster.appSecret(app));
            long everySecond = admin.createJob(app, JobDefinition.cron("every-1s", "audit", "* * * * * *"))
                    .id();
            cronJobs.add(new ChaosBooks.CronJob(app, everySecond, "every-1s", 1));
            int period = periods.get(i);
            String name = "every-" + period + "s";
            long periodic = admin.createJob(app, JobDefinition.cron(name, "audit", "*/" + period + " * * * * *"))
                    .id();
            cronJobs.add(new ChaosBooks.CronJob(app, periodic, name, period));
            // the other schedule types on the same whole-second lattices, so that the books hold them the same way: a
            // fixed rate anchored at the epoch, and a daily time interval over the whole (UTC) day whose missed fire
            // times are recorded SKIPPED (misfire policy SKIP) instead of run late
            long rate = admin.createJob(app, JobDefinition.fixedRate("rate-2s", "audit", Duration.ofSeconds(2)))
                    .id();
            cronJobs.add(new ChaosBooks.CronJob(app, rate, "rate-2s", 2));
            long daily = admin.createJob(
                            app,
                            JobDefinition.dailyTimeInterval(
                                            "daily-3s",
                                            "audit",
                                            LocalTime.MIDNIGHT,
                                            LocalTime.of(23, 59, 57),
                                            Duration.ofSeconds(3))
                                    .withMisfire(MisfirePolicy.SKIP, null))
                    .id();
            cronJobs.add(new ChaosBooks.CronJob(app, daily, "daily-3s", 3));
            onDemandJobs.put(
                    app,
                    admin.createJob(app, JobDefinition.onDemand("on-demand", "audit"))
                            .id());
            otherJobs.create(
                    admin,
                    app,
                    i,
                    oneOffDelays.subList(
                            i * ChaosOtherJobs.ONE_OFFS_PER_APP, (i + 1) * ChaosOtherJobs.ONE_OFFS_PER_APP));
            otherJobs.backfill(admin, app, name, period);
        }
        long start = System.nanoTime();
        for (ChaosBooks.CronJob job : cronJobs) {
            Poll.until(
                    job.app() + "/" + job.name() + " SUCCEEDED twice",
                    start,
                    Duration.ofSeconds(120),
                    Duration.ofMillis(500),
                    () -> succeeded(job.jobId()) >= 2 ? Optional.of(true) : Optional.empty());
        }
        Instant setupEnd = Instant.now();
        // counted as CRON fires only now: its runs fail at random, so it need not have succeeded twice yet
        otherJobs
                .retryJobs()
                .forEach(job -> cronJobs.add(
                        new ChaosBooks.CronJob(job.app(), job.jobId(), job.name(), ChaosOtherJobs.RETRY_PERIOD)));
        System.out.println("CHAOS-SETUP jobs " + cronJobs + " " + otherJobs
                + " on-demand " + onDemandJobs + " steady after "
                + Poll.millisSince(start) + " ms, at " + setupEnd);
        return setupEnd;
    }

    private int succeeded(long jobId) {
        try (Connection connection = cluster.database().connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM job_instance WHERE job_id = ? AND state = 'SUCCEEDED'")) {
            query.setLong(1, jobId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void injectFaults(Duration duration) {
        ChaosInjector injector = new ChaosInjector(cluster);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (true) {
            ChaosFault fault = plan.nextFault();
            long latestStart = end - LAST_FAULT_MARGIN.toNanos();
            if (System.nanoTime() + fault.gapBefore().toNanos() > latestStart) {
                break;
            }
            Poll.pause(fault.gapBefore());
            int number = faults.size() + 1;
            ChaosFaultWindow window;
            try {
                window = injector.inject(number, fault);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "fault #" + number + " (" + fault + ") could not be applied or undone: " + e.getMessage(), e);
            }
            faults.add(window);
            System.out.println(window);
        }
        long left = end - System.nanoTime();
        if (left > 0) {
            Poll.pause(Duration.ofNanos(left));
        }
    }
}
