package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.client.CampanileAdminClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly once under a backlog (issue 6): one scheduler server on PostgreSQL and three worker applications (the
 * demo app, its {@code audit} processor writing one line per call), each the only worker of its own app, with
 * capacity 1, 8 and 32. Each app gets a backlog of {@value #DEFAULT_RUNS} one-off runs, created in batches; while
 * they drain, the server's connections stall for {@link #STALL} (its proxy forwards nothing and closes nothing,
 * then delivers what it held back: late polls, claims and outcome reports). Checked from the processors' own
 * records and from the database: every run ran exactly once, as attempt 1, and none is left non-terminal.
 * {@code -Dcampanile.it.load.runs=N} changes the backlog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceUnderLoadIT {

    static final int DEFAULT_RUNS = 20_000;
    private static final int RUNS = Integer.getInteger("campanile.it.load.runs", DEFAULT_RUNS);
    private static final int[] CAPACITIES = {1, 8, 32};
    private static final int BATCH = 10_000;
    private static final Duration STALL = Duration.ofSeconds(5);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);

    private final ClusterSettings settings = ClusterSettings.fromSystemProperties(1);
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final Path logDir = settings.logDir().resolve("load");
    private PostgresDatabase database;
    private SchedulerNode server;
    private final List<PayaraProcess> workers = new ArrayList<>();
    private final Map<Integer, Long> jobIds = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        database = PostgresDatabase.createFresh();
        try {
            for (int capacity : CAPACITIES) {
                java.nio.file.Files.deleteIfExists(auditFile(capacity)); // left by an earlier run
            }
            int httpPort = FreePorts.next();
            TcpProxy proxy = TcpProxy.start(FreePorts.next(), httpPort);
            PayaraProcess process = new MicroLaunch(
                            settings.microJar(),
                            settings.schedulerWar(),
                            httpPort,
                            credentials.serverProperties(
                                    SchedulerNode.baseUri(proxy.listenPort()).toString(),
                                    database.jdbcUrl(),
                                    database.user()))
                    .toProcess("server", logDir);
            server = new SchedulerNode("server", httpPort, proxy, process, credentials.adminToken());
            process.start();
            for (int capacity : CAPACITIES) {
                workers.add(new MicroLaunch(
                                settings.microJar(), settings.demoWar(), FreePorts.next(), workerProperties(capacity))
                        .toProcess(app(capacity), logDir)
                        .start());
            }
            System.out.println("LOAD server ready after "
                    + process.awaitReady(server.healthUri(), settings.startTimeout())
                            .toMillis() + " ms");
            CampanileAdminClient admin = server.admin();
            for (int capacity : CAPACITIES) {
                admin.createApp(app(capacity), credentials.appSecret());
                jobIds.put(
                        capacity,
                        admin.createJob(app(capacity), JobDefinition.onDemand("drain", "audit"))
                                .id());
            }
            for (PayaraProcess worker : workers) {
                System.out.println("LOAD " + worker.name() + " ready after "
                        + worker.awaitLogLine(") ready in ", settings.startTimeout())
                                .toMillis() + " ms");
            }
        } catch (Exception | Error e) {
            printLogTails();
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        workers.forEach(PayaraProcess::close);
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void every_run_of_a_backlog_runs_exactly_once_at_capacity_1_8_and_32_through_a_stall() throws Exception {
        CampanileAdminClient admin = server.admin();
        long created = System.nanoTime();
        for (int capacity : CAPACITIES) {
            for (int from = 0; from < RUNS; from += BATCH) {
                List<RunRequest> runs = IntStream.range(from, Math.min(RUNS, from + BATCH))
                        .mapToObj(i -> new RunRequest(null, null, "run-" + i))
                        .toList();
                admin.runJobBatch(app(capacity), jobIds.get(capacity), new RunBatch(runs));
            }
        }
        long createdMillis = Poll.millisSince(created);
        System.out.println("LOAD created " + RUNS * CAPACITIES.length + " runs in " + createdMillis + " ms");

        try {
            Thread.sleep(3000);
            Map<String, Map<String, Long>> beforeStall = states();
            server.proxy().blackhole();
            Thread.sleep(STALL.toMillis());
            server.proxy().heal();
            System.out.println(
                    "LOAD stalled the server's connections for " + STALL.toMillis() + " ms at " + beforeStall);

            Map<String, Map<String, Long>> done = Poll.until(
                            "every run of every app ended", created, DRAIN_LIMIT, Duration.ofSeconds(1), () -> {
                                Map<String, Map<String, Long>> states = states();
                                boolean ended = states.values().stream()
                                        .allMatch(s ->
                                                s.getOrDefault("SUCCEEDED", 0L) + s.getOrDefault("FAILED", 0L) == RUNS);
                                return ended ? Optional.of(states) : Optional.empty();
                            })
                    .value();
            Thread.sleep(1000); // audit lines are written before each processor returns; this only rounds off
            for (int capacity : CAPACITIES) {
                check(capacity, done.get(app(capacity)));
            }
        } catch (RuntimeException | Error | InterruptedException | SQLException e) {
            System.out.println("LOAD states at failure: " + states());
            printLogTails();
            throw e;
        }
    }

    private void check(int capacity, Map<String, Long> states) throws SQLException {
        List<AuditLog.Run> ran = AuditLog.read(auditFile(capacity));
        Map<String, Long> callsPerInstance =
                ran.stream().collect(Collectors.groupingBy(AuditLog.Run::instanceId, Collectors.counting()));
        long duplicates = callsPerInstance.values().stream()
                .filter(n -> n > 1)
                .mapToLong(n -> n - 1)
                .sum();
        long retries = ran.stream().filter(r -> r.attempt() > 1).count();
        long instances = countInstances(app(capacity));
        long missing = instances - callsPerInstance.size();
        Timing timing = timing(app(capacity));
        System.out.println("LOAD app=" + app(capacity) + " capacity=" + capacity + " runs=" + RUNS + " instances="
                + instances + " processor-calls=" + ran.size() + " duplicates=" + duplicates + " missing=" + missing
                + " retries=" + retries + " states=" + states + " first-to-last-claim-ms=" + timing.spanMillis()
                + " runs-per-second=" + String.format("%.0f", RUNS * 1000.0 / Math.max(1, timing.spanMillis())));
        assertThat(instances).as("instances of %s", app(capacity)).isEqualTo(RUNS);
        assertThat(duplicates)
                .as("processor calls beyond one per instance, %s", app(capacity))
                .isZero();
        assertThat(missing)
                .as("instances the processor never ran, %s", app(capacity))
                .isZero();
        assertThat(retries).as("attempts after the first, %s", app(capacity)).isZero();
        assertThat(states).as("instance states of %s", app(capacity)).containsOnlyKeys("SUCCEEDED");
    }

    private record Timing(long spanMillis) {}

    private Timing timing(String app) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT EXTRACT(EPOCH FROM (MAX(started_at) - MIN(started_at))) * 1000 "
                        + "FROM job_instance WHERE app_name = '" + app + "'")) {
            r.next();
            return new Timing(r.getLong(1));
        }
    }

    private long countInstances(String app) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM job_instance WHERE app_name = '" + app + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Instances per state, per app. */
    private Map<String, Map<String, Long>> states() {
        Map<String, Map<String, Long>> byApp = new HashMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT app_name, state, COUNT(*) FROM job_instance GROUP BY app_name, state")) {
            while (r.next()) {
                byApp.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2), r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (int capacity : CAPACITIES) {
            byApp.computeIfAbsent(app(capacity), k -> new HashMap<>());
        }
        return byApp;
    }

    private Map<String, String> workerProperties(int capacity) {
        return Map.of(
                "campanile.app", app(capacity),
                "campanile.app.secret", credentials.appSecret(),
                "campanile.servers", server.advertisedUri().toString(),
                "campanile.worker.capacity", Integer.toString(capacity),
                "campanile.worker.id", app(capacity) + "-worker",
                "demo.audit.file", auditFile(capacity).toString(),
                "demo.audit.fsync", "false");
    }

    private Path auditFile(int capacity) {
        return logDir.resolve(app(capacity) + "-audit.txt");
    }

    private static String app(int capacity) {
        return "load-" + capacity;
    }

    private void printLogTails() {
        List<PayaraProcess> all = new ArrayList<>(workers);
        if (server != null) {
            all.add(server.process());
        }
        all.stream().map(PayaraProcess::logFile).forEach(log -> {
            System.out.println("----- tail of " + log);
            try {
                List<String> lines = java.nio.file.Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
            } catch (java.io.IOException e) {
                System.out.println("(unreadable: " + e.getMessage() + ")");
            }
        });
    }
}
