package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.admin.RunLogPage;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.WorkerView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.protocol.LogLine;
import io.campanile.deployments.cluster.Poll.Timed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The same WAR on Payara Micro and on WildFly 39 ({@code standalone.xml}) in one cluster on PostgreSQL, with
 * the demo app's worker running the every-second job {@code every-second}. The app moves four times, each time
 * from its owner to the other server: {@code kill -9} one way, then back, then a graceful stop (SIGTERM) one
 * way and back, so that each kind of server loses the app to the other both ways. A server that was stopped is
 * started again on its port before the next move. At the end, the books of every fire since set-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixedClusterIT {

    private static final String APP = MixedCluster.DEMO_APP;
    private static final String JOB = "every-second";
    /** A FIXED_RATE job on the same lattice (every second, anchored at the epoch): the new engine on WildFly too. */
    private static final String RATE_JOB = "rate-1s";

    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final int STEADY_FIRES = 5;

    private MixedCluster cluster;
    private long jobId;
    private long rateJobId;
    /** The first fire of the steady run after set-up: from here on, every second must run exactly once. */
    private Instant runStart;

    private final Set<String> failovers = new LinkedHashSet<>();
    private final Set<String> handoffs = new LinkedHashSet<>();

    @RegisterExtension
    final TestWatcher logTailsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                cluster.printLogTails(80);
            }
        }
    };

    @BeforeAll
    void startClusterWithEverySecondJob() {
        cluster = MixedCluster.start(ClusterSettings.fromSystemProperties(2), wildflyHome());
        try {
            CampanileAdminClient admin = cluster.wildfly().admin();
            admin.createApp(APP, cluster.appSecret());
            jobId = admin.createJob(APP, JobDefinition.cron(JOB, "audit", "* * * * * *"))
                    .id();
            rateJobId = admin.createJob(APP, JobDefinition.fixedRate(RATE_JOB, "audit", Duration.ofSeconds(1)))
                    .id();
            long start = System.nanoTime();
            runStart = Poll.until(
                            STEADY_FIRES + " consecutive fires SUCCEEDED",
                            start,
                            Duration.ofSeconds(120),
                            Duration.ofMillis(500),
                            () -> Fires.steadyRunStart(instances(30), STEADY_FIRES)
                                    .flatMap(cron -> Fires.steadyRunStart(instancesOf(rateJobId, 30), STEADY_FIRES)
                                            .map(rate -> rate.isAfter(cron) ? rate : cron)))
                    .value();
            OwnershipView owner = Ownerships.of(clusterView(), APP);
            System.out.println("WILDFLY-SETUP steady after " + Poll.millisSince(start) + " ms, run starts at "
                    + runStart + ", first owner " + cluster.server(owner.ownerId()));
        } catch (RuntimeException | Error e) {
            cluster.printLogTails(80);
            throw e;
        }
    }

    @AfterAll
    void stopEverything() {
        if (cluster != null) {
            System.out.println("mixed cluster logs and audit file: " + cluster.logDir());
            cluster.close();
        }
    }

    /** Roles and the audit log (issue 9) on WildFly: a viewer is refused a change, the set-up is in the audit log. */
    @Test
    @Order(1)
    void wildfly_refuses_a_viewer_a_change_and_shows_the_audit_log() {
        CampanileAdminClient admin = cluster.wildfly().admin();
        String secret = admin.createToken(new io.campanile.api.admin.TokenRequest(
                        "mixed-viewer", io.campanile.api.admin.Role.VIEWER, null))
                .secret();
        try (CampanileAdminClient viewer =
                new CampanileAdminClient(cluster.wildfly().uri(), secret)) {
            assertThat(viewer.getJob(APP, JOB).id()).isEqualTo(jobId);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> viewer.deleteJob(APP, JOB, null))
                    .isInstanceOfSatisfying(
                            io.campanile.api.client.CampanileClientException.class,
                            e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThat(admin.getJob(APP, JOB).deletedAt()).isNull();
        var entries = admin.audit(
                        io.campanile.api.client.AuditListing.all().app(APP).limit(1000))
                .items();
        assertThat(entries)
                .filteredOn(e -> e.action().equals("job.create"))
                .anySatisfy(e -> assertThat(e.after().getString("name")).isEqualTo(JOB));
        assertThat(entries)
                .filteredOn(e -> e.denied() && e.actor().equals("mixed-viewer"))
                .extracting(e -> e.action())
                .containsExactly("job.delete");
    }

    @Test
    @Order(1)
    void wildfly_writes_times_as_iso_8601_strings() {
        String instances =
                cluster.wildfly().adminGet("api/admin/apps/" + APP + "/jobs/" + jobId + "/instances?limit=5");
        String clusterView = cluster.wildfly().adminGet("api/admin/cluster");
        System.out.println("WILDFLY-JSON " + instances.substring(0, Math.min(instances.length(), 300)));

        assertIsoTimes(instances, "fireTime");
        assertIsoTimes(instances, "createdAt");
        assertIsoTimes(clusterView, "databaseTime");
        assertIsoTimes(clusterView, "leaseUntil");
        assertIsoTimes(clusterView, "lastHeartbeat");
    }

    @Test
    @Order(1)
    void wildfly_is_ready_and_serves_the_prometheus_scrape_and_the_runs_show_in_a_scrape() {
        RestartableServer wildfly = cluster.wildfly();
        var ready = wildfly.getAnyAnswer("api/health/ready", false);
        var refused = wildfly.getAnyAnswer("api/metrics", false);
        var scrape = wildfly.getAnyAnswer("api/metrics", true);
        String both = scrape.body()
                + cluster.servers().stream()
                        .filter(s -> s != wildfly)
                        .map(s -> s.getAnyAnswer("api/metrics", true).body())
                        .reduce("", String::concat);
        System.out.println("WILDFLY-READY " + ready.statusCode() + " " + ready.body());

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"timerLoops\":\"UP\"");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(scrape.body()).contains("# TYPE campanile_owned_apps gauge");
        assertThat(both)
                .as("the owner recorded the demo worker's runs, with their fire lag")
                .contains("campanile_runs_ended_total{app=\"" + APP + "\",outcome=\"SUCCEEDED\"}")
                .contains("campanile_fire_lag_seconds_count{app=\"" + APP + "\"}")
                .contains("campanile_fires_total{app=\"" + APP + "\"}");
    }

    @Test
    @Order(1)
    void wildfly_lists_the_workers_and_serves_the_log_a_run_wrote_on_the_demo_worker() {
        CampanileAdminClient admin = cluster.wildfly().admin();
        List<WorkerView> workers = admin.workers(APP);
        long sleeper = admin.createJob(APP, JobDefinition.onDemand("wildfly-sleeper", "sleeper"))
                .id();
        InstanceView run = admin.runJob(APP, sleeper, new RunRequest("1200", null, null));
        RunLogPage log = Poll.until(
                        "the run's log, to its last line",
                        System.nanoTime(),
                        GIVE_UP,
                        Duration.ofMillis(300),
                        () -> Optional.of(admin.logs(APP, run.id(), null, 0, 100))
                                .filter(page -> page.finished() && page.lines().size() >= 3))
                .value();
        System.out.println("WILDFLY-LOGS workers=" + workers.size() + " state=" + log.state() + " lines="
                + log.lines().stream().map(LogLine::message).toList());

        assertThat(workers).isNotEmpty().allSatisfy(w -> {
            assertThat(w.live()).isTrue();
            assertThat(w.processors()).contains("audit", "sleeper");
        });
        assertThat(log.state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(log.lines())
                .extracting(LogLine::message)
                .containsExactly(
                        "sleeping 1200 ms on attempt 1", "still sleeping, 200 ms to go", "woke up after 1200 ms");
    }

    @Test
    @Order(2)
    void killed_owner_is_replaced_by_the_other_server_within_5_seconds() {
        failOverAfterKill9();
    }

    @Test
    @Order(3)
    void killed_owner_is_replaced_the_other_way_within_5_seconds() {
        failOverAfterKill9();
        assertThat(failovers).as("failover directions").containsExactlyInAnyOrder("payara->wildfly", "wildfly->payara");
    }

    @Test
    @Order(4)
    void graceful_stop_hands_the_app_to_the_other_server_within_1_second() {
        handOverAfterSigterm();
    }

    @Test
    @Order(5)
    void graceful_stop_hands_the_app_back_within_1_second() {
        handOverAfterSigterm();
        assertThat(handoffs).as("hand-off directions").containsExactlyInAnyOrder("payara->wildfly", "wildfly->payara");
    }

    @Test
    @Order(6)
    void no_fire_ran_twice_and_none_was_lost() {
        ClusterView now = clusterView();
        Instant end = now.databaseTime().minusSeconds(3);
        List<AuditLog.Run> audited = AuditLog.read(cluster.auditFile());
        for (String job : List.of(JOB, RATE_JOB)) {
            List<InstanceView> all = instancesOf(job.equals(JOB) ? jobId : rateJobId, 1000);
            assertThat(all.get(all.size() - 1).fireTime())
                    .as("oldest listed instance of " + job + " (limit 1000 must cover the run)")
                    .isBeforeOrEqualTo(runStart);
            List<AuditLog.Run> runs =
                    audited.stream().filter(run -> run.jobName().equals(job)).toList();

            FireLedger ledger = new FireLedger(runStart, end, now.databaseTime().minusSeconds(10), all, runs);
            System.out.println("WILDFLY-" + ledger.summary() + " job=" + job + " window=" + runStart + ".." + end);
            System.out.println("WILDFLY-FIRES job=" + job + " retries=" + ledger.retries() + " duplicates="
                    + ledger.duplicates() + " missing=" + ledger.missing() + " unfinished=" + ledger.unfinished());

            assertThat(ledger.duplicates())
                    .as(job + ": fire times that ran twice or have two instances")
                    .isEmpty();
            assertThat(ledger.missing())
                    .as(job + ": fire times never created or never run")
                    .isEmpty();
            assertThat(ledger.unfinished())
                    .as(job + ": instances that did not succeed")
                    .isEmpty();
        }
    }

    @Test
    @Order(7)
    void the_worker_read_every_answer_of_both_servers() throws IOException {
        String demoLog = Files.readString(cluster.demo().logFile(), StandardCharsets.ISO_8859_1);
        // what a JSON-B worker logged when WildFly answered with Jackson's numbers for times
        assertThat(demoLog).doesNotContain("Unable to deserialize");
    }

    /** The unpacked WildFly distribution; failsafe passes it (see the module's pom). */
    private static Path wildflyHome() {
        String home = System.getProperty("campanile.it.wildflyHome");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("system property campanile.it.wildflyHome is not set; run the cluster"
                    + " tests through Maven (it unpacks WildFly): mvn verify -pl deployments/cluster-tests -am");
        }
        return Path.of(home).toAbsolutePath();
    }

    /** Kills the owner with SIGKILL; the other server must own the app and run its fires within 5 s. */
    private void failOverAfterKill9() {
        restartStoppedServers();
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        RestartableServer victim = cluster.server(owner.ownerId());
        RestartableServer heir = cluster.other(victim);
        Instant killedAtDatabaseTime = warmUpAndSeeEachOther(victim, heir);

        long killedAt = System.nanoTime();
        victim.process().kill9();
        Timed<OwnershipView> replaced = Poll.until(
                heir.kind() + " owns " + APP,
                killedAt,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Ownerships.replacing(heir.admin().cluster(), owner));
        Timed<InstanceView> resumed = Poll.until(
                "a fire under epoch " + replaced.value().epoch() + " SUCCEEDED",
                killedAt,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Fires.succeededUnder(
                        replaced.value().epoch(), heir.admin().listInstances(APP, jobId, 20)));
        System.out.println("WILDFLY-FAILOVER from=" + victim.kind() + " to=" + heir.kind()
                + " owner-replaced-after-ms=" + replaced.elapsedMillis()
                + " fires-resumed-after-ms=" + resumed.elapsedMillis()
                + " old=" + owner.ownerId() + "@epoch" + owner.epoch()
                + " new=" + replaced.value().ownerId() + "@epoch"
                + replaced.value().epoch()
                + " reason=" + Ownerships.reasonOf(heir.admin().cluster(), replaced.value())
                + " changed-after-ms-on-database-time="
                + changedAfterMillis(heir.admin().cluster(), replaced.value(), killedAtDatabaseTime));
        failovers.add(victim.kind() + "->" + heir.kind());

        assertThat(replaced.value().ownerId()).as("new owner").isEqualTo(heir.serverId());
        assertThat(replaced.elapsedMillis())
                .as("ms until " + heir.kind() + " owned the app")
                .isLessThanOrEqualTo(5000);
        assertThat(resumed.elapsedMillis())
                .as("ms until a fire of the new owner succeeded")
                .isLessThanOrEqualTo(5000);
    }

    /** Stops the owner with SIGTERM; it must hand the app to the other server within 1 s. */
    private void handOverAfterSigterm() {
        restartStoppedServers();
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        RestartableServer leaving = cluster.server(owner.ownerId());
        RestartableServer heir = cluster.other(leaving);
        Instant stoppedAtDatabaseTime = warmUpAndSeeEachOther(leaving, heir);

        long stoppedAt = System.nanoTime();
        leaving.process().terminate();
        try {
            Timed<OwnershipView> replaced = Poll.until(
                    heir.kind() + " owns " + APP,
                    stoppedAt,
                    GIVE_UP,
                    Duration.ofMillis(50),
                    () -> Ownerships.replacing(heir.admin().cluster(), owner));
            Timed<InstanceView> resumed = Poll.until(
                    "a fire under epoch " + replaced.value().epoch() + " SUCCEEDED",
                    stoppedAt,
                    GIVE_UP,
                    Duration.ofMillis(100),
                    () -> Fires.succeededUnder(
                            replaced.value().epoch(), heir.admin().listInstances(APP, jobId, 20)));
            OwnershipChangeReason reason = Ownerships.reasonOf(heir.admin().cluster(), replaced.value());
            System.out.println("WILDFLY-HANDOFF from=" + leaving.kind() + " to=" + heir.kind()
                    + " owner-replaced-after-ms=" + replaced.elapsedMillis()
                    + " fires-resumed-after-ms=" + resumed.elapsedMillis()
                    + " old=" + owner.ownerId() + "@epoch" + owner.epoch()
                    + " new=" + replaced.value().ownerId() + "@epoch"
                    + replaced.value().epoch()
                    + " reason=" + reason
                    + " changed-after-ms-on-database-time="
                    + changedAfterMillis(heir.admin().cluster(), replaced.value(), stoppedAtDatabaseTime));
            handoffs.add(leaving.kind() + "->" + heir.kind());

            assertThat(reason).as("reason of the ownership change").isEqualTo(OwnershipChangeReason.HANDOFF);
            assertThat(replaced.elapsedMillis())
                    .as("ms until the app of the leaving " + leaving.kind() + " had a new owner")
                    .isLessThanOrEqualTo(1000);
            assertThat(resumed.elapsedMillis())
                    .as("ms until a fire of the new owner succeeded")
                    .isLessThanOrEqualTo(5000);
        } finally {
            if (!leaving.process().awaitExit(Duration.ofSeconds(30))) {
                leaving.process().kill9();
            }
        }
    }

    /**
     * Starts the server the previous case stopped, on its port, and checks that joining the cluster took
     * nothing from the live owner.
     */
    private void restartStoppedServers() {
        for (RestartableServer server : cluster.servers()) {
            if (!server.isRunning()) {
                OwnershipView before = Ownerships.of(clusterView(), APP);
                long readyMillis = cluster.restart(server).toMillis();
                OwnershipView after = Ownerships.of(clusterView(), APP);
                System.out.println("WILDFLY-RESTART " + server + " ready-after-ms=" + readyMillis + " owner-before="
                        + before.ownerId() + "@epoch" + before.epoch() + " owner-after=" + after.ownerId()
                        + "@epoch" + after.epoch());
                assertThat(after.epoch())
                        .as("epoch after " + server.kind() + " rejoined")
                        .isEqualTo(before.epoch());
            }
        }
    }

    /**
     * Waits until each server sees the other alive (a server hands over only to a peer it has seen alive) and
     * has answered the admin calls the measurement makes, so that a just restarted server's first, slow answers
     * are not counted as failover time. Returns the database time just before the move.
     */
    private Instant warmUpAndSeeEachOther(RestartableServer owner, RestartableServer heir) {
        for (RestartableServer viewer : List.of(heir, owner)) {
            RestartableServer seen = cluster.other(viewer);
            Poll.until(
                    viewer.kind() + " sees " + seen.kind() + " alive",
                    System.nanoTime(),
                    GIVE_UP,
                    Duration.ofMillis(200),
                    () -> viewer.admin().cluster().servers().stream()
                            .filter(server -> server.id().equals(seen.serverId()) && server.alive())
                            .findFirst());
        }
        heir.admin().listInstances(APP, jobId, 20);
        return owner.admin().cluster().databaseTime();
    }

    /** From {@code since} to the change that began {@code ownership}, both on the database's clock. */
    private static long changedAfterMillis(ClusterView view, OwnershipView ownership, Instant since) {
        return view.history().stream()
                .filter(change -> change.appName().equals(ownership.appName()))
                .filter(change -> change.epoch() == ownership.epoch())
                .map(change -> Duration.between(since, change.changedAt()).toMillis())
                .findFirst()
                .orElse(-1L);
    }

    /** Every value of {@code "field":} in the JSON is an ISO-8601 string, and there is at least one. */
    private static void assertIsoTimes(String json, String field) {
        assertThat(JsonTimes.valuesOf(json, field))
                .as("values of %s in %s", field, json)
                .isNotEmpty()
                .allMatch(JsonTimes::isIsoInstant, "an ISO-8601 instant as a string");
    }

    private ClusterView clusterView() {
        return onAnyRunningServer(CampanileAdminClient::cluster);
    }

    private List<InstanceView> instances(int limit) {
        return instancesOf(jobId, limit);
    }

    private List<InstanceView> instancesOf(long job, int limit) {
        return onAnyRunningServer(admin -> admin.listInstances(APP, job, limit));
    }

    /** Asks the running servers in turn until one answers. */
    private <T> T onAnyRunningServer(Function<CampanileAdminClient, T> call) {
        return FirstAnswer.of(
                cluster.runningServers().stream().map(RestartableServer::admin).toList(), call);
    }
}
