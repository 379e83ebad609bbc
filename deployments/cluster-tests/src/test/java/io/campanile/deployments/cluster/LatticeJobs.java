package io.campanile.deployments.cluster;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.client.CampanileAdminClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs whose every fire time a cluster test accounts for ({@link LatticeBooks}): a FIXED_RATE job every second
 * anchored at a half second (its start), so that its lattice is its own and not the whole seconds, and a CRON job
 * every second.
 */
final class LatticeJobs {

    /** A job and its fire times. */
    record Tracked(JobView job, Lattice lattice) {}

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(250);

    private final CampanileCluster cluster;
    private final List<Tracked> jobs;

    private LatticeJobs(CampanileCluster cluster, List<Tracked> jobs) {
        this.cluster = cluster;
        this.jobs = List.copyOf(jobs);
    }

    /** Creates both jobs and returns once each has run three times. */
    static LatticeJobs start(CampanileCluster cluster, FireWatch watch, CampanileAdminClient admin, String app) {
        Instant anchor = watch.databaseTime().truncatedTo(ChronoUnit.SECONDS).plusMillis(2500);
        JobView rate = admin.createJob(
                app, JobDefinition.fixedRate("rate", "audit", SECOND).withWindow(anchor, null));
        JobView cron = admin.createJob(app, JobDefinition.cron("cron", "audit", "* * * * * *"));
        List<Tracked> jobs =
                List.of(new Tracked(rate, new Lattice(anchor, SECOND)), new Tracked(cron, Lattice.everySecond()));
        for (Tracked tracked : jobs) {
            watch.awaitSucceeded(tracked.job().id(), Instant.EPOCH, 3, Duration.ofSeconds(60));
        }
        return new LatticeJobs(cluster, jobs);
    }

    List<Tracked> jobs() {
        return jobs;
    }

    /**
     * The books of each job from its first fire to {@code to}, once every lattice time up to then has an instance
     * that has been run and recorded, or as they stand when {@code timeout} has passed (the books then say what is
     * missing or unaccounted for).
     */
    List<LatticeBooks> booksOnceSettled(Instant to, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LatticeBooks> books = books(to);
        while (books.stream()
                        .anyMatch(book ->
                                !book.unaccounted().isEmpty() || !book.missing().isEmpty())
                && System.nanoTime() < deadline) {
            Poll.pause(POLL);
            books = books(to);
        }
        return books;
    }

    /** Each job's rows in {@code job_instance}, oldest fire time first. */
    List<List<InstanceRow>> rows() {
        try (Connection connection = cluster.connectToDatabase()) {
            List<List<InstanceRow>> rows = new ArrayList<>();
            for (Tracked tracked : jobs) {
                rows.add(InstanceRow.ofJob(connection, tracked.job().id()));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job_instance: " + e.getMessage(), e);
        }
    }

    private List<LatticeBooks> books(Instant to) {
        List<AuditLog.Run> runs = AuditLog.read(cluster.auditFile());
        List<List<InstanceRow>> rows = rows();
        List<LatticeBooks> books = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Tracked tracked = jobs.get(i);
            String name = tracked.job().name();
            List<InstanceRow> jobRows = rows.get(i);
            Instant first = jobRows.isEmpty() ? to : jobRows.get(0).fireTime();
            books.add(new LatticeBooks(
                    name,
                    tracked.lattice(),
                    first,
                    to,
                    jobRows,
                    runs.stream().filter(run -> run.jobName().equals(name)).toList()));
        }
        return books;
    }
}
