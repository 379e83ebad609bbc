package io.campanile.deployments.cluster;

import io.campanile.api.OverlapPolicy;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.client.CampanileAdminClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One FIXED_RATE job per overlap policy (SKIP, BUFFER_ONE, BUFFER_ALL, CANCEL_RUNNING; maxConcurrent 1), each firing
 * every second for {@link #FIRES} fires from a common start, with the {@code audit} processor holding each run
 * longer than the period, so that every fire after the first overlaps. Then each job's {@link OverlapBooks}.
 */
final class OverlapJobs {

    static final int FIRES = 10;
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** Time to create the four jobs before their first fire. */
    static final Duration LEAD = Duration.ofSeconds(3);

    /** A job of the case and how long its runs hold. */
    record Tracked(JobView job, OverlapPolicy policy, Duration hold) {}

    private final CampanileCluster cluster;
    private final Instant start;
    private final List<Tracked> jobs;

    private OverlapJobs(CampanileCluster cluster, Instant start, List<Tracked> jobs) {
        this.cluster = cluster;
        this.start = start;
        this.jobs = jobs;
    }

    /** Creates the jobs, first fire at the whole second {@link #LEAD} after {@code now} (the database's time). */
    static OverlapJobs start(CampanileCluster cluster, CampanileAdminClient admin, String app, Instant now) {
        Instant start = now.plus(LEAD).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant end = start.plus(PERIOD.multipliedBy(FIRES - 1));
        List<Tracked> jobs = new ArrayList<>();
        for (OverlapPolicy policy : List.of(
                OverlapPolicy.SKIP, OverlapPolicy.BUFFER_ONE, OverlapPolicy.BUFFER_ALL, OverlapPolicy.CANCEL_RUNNING)) {
            // CANCEL_RUNNING holds longest: each run is still going when the next fire cancels it
            Duration hold = Duration.ofMillis(policy == OverlapPolicy.CANCEL_RUNNING ? 2500 : 1500);
            String name = "overlap-" + policy.name().toLowerCase().replace('_', '-');
            JobView job = admin.createJob(
                    app,
                    JobDefinition.fixedRate(name, "audit", PERIOD)
                            .withWindow(start, end)
                            .withOverlap(policy, 1)
                            .withParameters("holdMillis=" + hold.toMillis()));
            jobs.add(new Tracked(job, policy, hold));
        }
        return new OverlapJobs(cluster, start, jobs);
    }

    List<Tracked> jobs() {
        return jobs;
    }

    Instant start() {
        return start;
    }

    List<Instant> fireTimes() {
        return IntStream.range(0, FIRES)
                .mapToObj(i -> start.plus(PERIOD.multipliedBy(i)))
                .toList();
    }

    /**
     * Waits until every fire of every job has its row, every row has ended and every SUCCEEDED one its audit line;
     * then the books of each job, in the order of {@link #jobs()}.
     */
    List<OverlapBooks> booksOnceSettled(Duration timeout) {
        Poll.until(
                "every overlap fire ended",
                System.nanoTime(),
                timeout,
                Duration.ofMillis(500),
                () -> settled() ? Optional.of(true) : Optional.empty());
        List<OverlapBooks> books = new ArrayList<>();
        for (Tracked tracked : jobs) {
            books.add(new OverlapBooks(tracked.policy(), fireTimes(), rows(tracked), runs(tracked)));
        }
        return books;
    }

    private boolean settled() {
        for (Tracked tracked : jobs) {
            List<InstanceRow> rows = rows(tracked);
            List<AuditLog.Run> runs = runs(tracked);
            if (rows.size() < FIRES
                    || rows.stream()
                            .anyMatch(row -> !row.hasEnded()
                                    && !row.isSkipped()
                                    && !row.state().equals("CANCELLED"))
                    || rows.stream()
                            .filter(row -> row.state().equals("SUCCEEDED"))
                            .anyMatch(row -> runs.stream()
                                    .noneMatch(run -> run.instanceId().equals(Long.toString(row.id()))))) {
                return false;
            }
        }
        return true;
    }

    private List<InstanceRow> rows(Tracked tracked) {
        try (Connection connection = cluster.connectToDatabase()) {
            return InstanceRow.ofJob(connection, tracked.job().id());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AuditLog.Run> runs(Tracked tracked) {
        return AuditLog.read(cluster.auditFile()).stream()
                .filter(run -> run.jobName().equals(tracked.job().name()))
                .toList();
    }
}
