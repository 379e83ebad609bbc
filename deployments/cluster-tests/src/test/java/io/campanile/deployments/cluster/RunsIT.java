package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstanceEvent;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.RoutingDefinition;
import io.campanile.api.admin.RunLogPage;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.WorkerView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.protocol.LogLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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
 * Runs users can control, on real processes: one scheduler server and two workers of the demo app (the cluster's
 * {@code demo} and a second, {@code demo-2}, tagged {@code blue}) on PostgreSQL, running the demo's {@code sleeper} and
 * {@code spinner} processors. A time limit interrupts a processor stuck in a blocking call and one spinning in a loop; a
 * stop through the admin API reaches the worker that runs the instance and interrupts it; a worker frozen in the
 * middle of a run ({@code SIGSTOP}) is declared lost within seconds, its attempt is retried on the other worker, and
 * once thawed its late report is refused and changes nothing; routing by tag, a job no worker may run failing with the
 * reason, the workers list; a run log tailed while it runs; a worker stopped gracefully mid-run has its attempt retried
 * at once, a worker killed ({@code kill -9}) once it is taken for lost.
 * Prints {@code RUNS-...} lines; logs in {@code target/cluster-logs/runs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunsIT {

    private static final String APP = CampanileCluster.DEMO_APP;
    private static final String SECOND_WORKER = "demo-2";
    private static final String SECOND_WORKER_TAG = "blue";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** For what waits on a timer of the server's: a worker taken for lost, an instance no worker may run. */
    private static final Duration LONG_GIVE_UP = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(100);

    private ClusterSettings settings;
    private CampanileCluster cluster;
    /** The workers this suite started besides the cluster's demo, by worker id (the latest for an id). */
    private final Map<String, PayaraProcess> startedWorkers = new java.util.LinkedHashMap<>();

    private CampanileAdminClient admin;

    @RegisterExtension
    final TestWatcher logTailsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                cluster.printLogTails(80);
            }
            startedWorkers.values().forEach(w -> System.err.println(w.framedTail(80)));
        }
    };

    @BeforeAll
    void startOneServerAndTwoWorkers() {
        settings = ClusterSettings.fromSystemProperties(1).withLogSubfolder("runs");
        // instances no live worker may run fail after 3 s here, not the default minute
        cluster = CampanileCluster.start(settings, Map.of("campanile.dispatch.no-worker-wait-millis", "3000"));
        try {
            admin = cluster.servers().get(0).admin();
            admin.createApp(APP, cluster.appSecret());
            startWorker(SECOND_WORKER, SECOND_WORKER_TAG);
        } catch (RuntimeException | Error e) {
            cluster.printLogTails(80);
            throw e;
        }
    }

    /** Starts another worker of the demo app with this id and tags, and waits until it is up. */
    private PayaraProcess startWorker(String workerId, String tags) {
        PayaraProcess worker = new MicroLaunch(
                        settings.microJar(),
                        settings.demoWar(),
                        FreePorts.next(),
                        Map.of(
                                "campanile.app",
                                APP,
                                "campanile.app.secret",
                                cluster.appSecret(),
                                "campanile.servers",
                                cluster.servers().get(0).advertisedUri().toString(),
                                "campanile.worker.id",
                                workerId,
                                "campanile.worker.tags",
                                tags,
                                "demo.audit.file",
                                cluster.auditFile().toString()))
                .toProcess(workerId + "-" + startedWorkers.size(), settings.logDir());
        startedWorkers.put(workerId, worker);
        worker.start();
        worker.awaitLogLine(") ready in ", settings.startTimeout());
        return worker;
    }

    @AfterAll
    void stopEverything() {
        startedWorkers.values().forEach(PayaraProcess::close);
        if (cluster != null) {
            System.out.println("runs cluster logs: " + settings.logDir());
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void a_time_limit_interrupts_a_processor_stuck_in_a_blocking_call() {
        InstanceView run = runNow(JobDefinition.onDemand("stuck", "sleeper")
                .withParameters("600000")
                .withTimeout(Duration.ofSeconds(2)));
        InstanceView running = await(run, InstanceState.RUNNING);
        long start = System.nanoTime();

        InstanceView ended = await(run, InstanceState.TIMED_OUT);

        System.out.println("RUNS-TIMEOUT limit-ms=2000 timed-out-after-running-seen-ms=" + Poll.millisSince(start)
                + " result=" + ended.result());
        assertThat(ended.result()).startsWith("timed out after PT2S");
        workerOf(running).awaitLogLine("Sleeper on instance " + run.id() + " attempt 1 interrupted", GIVE_UP);

        InstanceView spin = runNow(JobDefinition.onDemand("spinning", "spinner").withTimeout(Duration.ofSeconds(2)));
        InstanceView spinRunning = await(spin, InstanceState.RUNNING);
        InstanceView spinEnded = await(spin, InstanceState.TIMED_OUT);
        Duration sawCancelled = workerOf(spinRunning)
                .awaitLogLine("Spinner on instance " + spin.id() + " attempt 1 saw it was cancelled", GIVE_UP);
        System.out.println("RUNS-TIMEOUT-LOOP limit-ms=2000 result=" + spinEnded.result());
        assertThat(spinEnded.result()).startsWith("timed out after PT2S");
        assertThat(sawCancelled).isNotNull();
    }

    @Test
    @Order(2)
    void a_stop_through_the_admin_api_interrupts_the_run_on_its_worker() {
        InstanceView run = runNow(JobDefinition.onDemand("long", "sleeper").withParameters("600000"));
        InstanceView running = await(run, InstanceState.RUNNING);

        long start = System.nanoTime();
        InstanceView stopped = admin.stopInstance(APP, run.id(), "no longer needed");
        Duration interrupted =
                workerOf(running).awaitLogLine("Sleeper on instance " + run.id() + " attempt 1 interrupted", GIVE_UP);

        System.out.println(
                "RUNS-STOP interrupted-after-ms=" + Poll.millisSince(start) + " worker=" + running.workerId());
        assertThat(stopped.state()).isEqualTo(InstanceState.CANCELLED);
        assertThat(interrupted).isLessThan(Duration.ofSeconds(5));
        assertThat(instance(run).state())
                .as("nothing the worker said changed it")
                .isEqualTo(InstanceState.CANCELLED);
    }

    @Test
    @Order(3)
    void a_frozen_workers_attempt_is_retried_on_the_other_within_seconds_and_its_late_report_is_refused() {
        InstanceView running = runningSleeperWithRetries("lost", "6000");
        PayaraProcess frozen = workerOf(running);

        frozen.suspend();
        long frozenAt = System.nanoTime();
        InstanceView retried;
        try {
            retried = await(
                    running,
                    "attempt 2 RUNNING on the other worker",
                    i -> i.attempt() == 2 && i.state() == InstanceState.RUNNING);
        } finally {
            long retriedAfter = Poll.millisSince(frozenAt);
            frozen.resume();
            System.out.println(
                    "RUNS-LOST-WORKER frozen=" + running.workerId() + " retried-running-after-ms=" + retriedAfter);
        }
        assertThat(retried.workerId()).isNotEqualTo(running.workerId());
        InstanceView done = await(running, InstanceState.SUCCEEDED);
        InstanceDetail detail = admin.instance(APP, running.id());

        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.workerId()).isEqualTo(retried.workerId());
        assertThat(detail.earlierAttempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("WORKER_LOST");
            assertThat(a.workerId()).isEqualTo(running.workerId());
        });
        System.out.println("RUNS-HISTORY "
                + detail.history().stream()
                        .map(e -> e.cause() + ":" + e.state() + "#" + e.attempt())
                        .toList());
        assertThat(detail.history())
                .extracting(InstanceEvent::cause, InstanceEvent::attempt)
                .containsExactly(
                        tuple("CREATED", 1),
                        tuple("CLAIM", 1),
                        tuple("LOST", 1),
                        tuple("RETRY", 2),
                        tuple("CLAIM", 2),
                        tuple("REPORT", 2));
        assertThat(detail.history().get(3).serverId())
                .as("the server that retried it")
                .isNotNull();
        // the thawed worker's own attempt ends by itself or is stopped at its next heartbeat; either way the
        // instance keeps the outcome of attempt 2
        Poll.pause(Duration.ofSeconds(3));
        InstanceView after = instance(running);
        assertThat(after.state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(after.attempt()).isEqualTo(2);
        assertThat(after.workerId()).isEqualTo(retried.workerId());
    }

    @Test
    @Order(4)
    void routing_sends_a_jobs_instances_only_to_its_tagged_worker_and_fails_those_no_worker_may_run() {
        JobView blue = admin.createJob(
                APP,
                JobDefinition.onDemand("blue-only", "sleeper")
                        .withParameters("50")
                        .withRouting(RoutingDefinition.of(DispatchStrategy.ROUND_ROBIN)
                                .withTags(List.of(SECOND_WORKER_TAG))));
        JobView green = admin.createJob(
                APP,
                JobDefinition.onDemand("green-only", "sleeper")
                        .withParameters("50")
                        .withRouting(RoutingDefinition.of(DispatchStrategy.HEALTH_FIRST)
                                .withTags(List.of("green"))));
        List<InstanceView> blueRuns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            blueRuns.add(admin.runJob(APP, blue.id(), RunRequest.now()));
        }
        long asked = System.nanoTime();
        InstanceView greenRun = admin.runJob(APP, green.id(), RunRequest.now());

        for (InstanceView run : blueRuns) {
            InstanceView done = await(run, InstanceState.SUCCEEDED);
            assertThat(done.workerId()).as("instance %d", run.id()).isEqualTo(SECOND_WORKER);
        }
        InstanceView failed =
                await(greenRun, "FAILED", System.nanoTime(), LONG_GIVE_UP, i -> i.state() == InstanceState.FAILED);
        System.out.println("RUNS-ROUTING tagged-runs=" + blueRuns.size() + " on=" + SECOND_WORKER
                + " unplaceable-failed-after-ms=" + Poll.millisSince(asked) + " result=" + failed.result());
        assertThat(failed.result())
                .startsWith("no live worker of app " + APP + " with processor 'sleeper' is designated by the job's"
                        + " routing (tags [green])");
        assertThat(failed.workerId()).as("it never ran").isNull();
    }

    @Test
    @Order(5)
    void the_admin_api_lists_the_apps_workers_with_their_tags_processors_and_figures() {
        List<WorkerView> workers = admin.workers(APP);
        System.out.println("RUNS-WORKERS "
                + workers.stream()
                        .map(w ->
                                w.workerId() + " live=" + w.live() + " tags=" + w.tags() + " capacity=" + w.capacity())
                        .toList());

        assertThat(workers).hasSize(2);
        assertThat(workers).allSatisfy(w -> {
            assertThat(w.live()).isTrue();
            assertThat(w.processors()).contains("sleeper", "audit");
            assertThat(w.capacity()).isPositive();
            assertThat(w.maxHeapBytes()).isPositive();
            assertThat(w.freeDiskBytes()).isPositive();
            assertThat(w.lastHeartbeatAt()).isAfter(java.time.Instant.now().minusSeconds(30));
        });
        assertThat(workers)
                .filteredOn(w -> w.workerId().equals(SECOND_WORKER))
                .singleElement()
                .satisfies(w -> assertThat(w.tags()).containsExactly(SECOND_WORKER_TAG));
    }

    @Test
    @Order(6)
    void a_runs_log_can_be_tailed_while_it_runs_and_is_complete_once_it_ended() {
        InstanceView run = runNow(JobDefinition.onDemand("chatty", "sleeper").withParameters("4000"));
        await(run, InstanceState.RUNNING);
        long runningSeen = System.nanoTime();

        RunLogPage first = Poll.until(
                        "the first log line of instance " + run.id(), runningSeen, GIVE_UP, POLL, () -> Optional.of(
                                        admin.logs(APP, run.id(), null, 0, 100))
                                .filter(page -> !page.lines().isEmpty()))
                .value();
        long firstLineAfter = Poll.millisSince(runningSeen);
        assertThat(first.finished()).as("read while the run goes on").isFalse();
        List<LogLine> lines = new ArrayList<>(first.lines());
        RunLogPage page = first;
        while (!(page.finished() && lines.get(lines.size() - 1).message().startsWith("woke up"))) {
            Poll.pause(Duration.ofMillis(200));
            page = admin.logs(APP, run.id(), null, page.next(), 100);
            lines.addAll(page.lines());
            assertThat(Poll.millisSince(runningSeen)).as("tailing ends").isLessThan(GIVE_UP.toMillis());
        }

        System.out.println("RUNS-LOGS lines=" + lines.size() + " first-line-readable-after-running-seen-ms="
                + firstLineAfter + " state=" + page.state());
        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(lines)
                .extracting(LogLine::message)
                .containsExactly(
                        "sleeping 4000 ms on attempt 1",
                        "still sleeping, 3000 ms to go",
                        "still sleeping, 2000 ms to go",
                        "still sleeping, 1000 ms to go",
                        "woke up after 4000 ms");
        assertThat(page.state()).isEqualTo(InstanceState.SUCCEEDED);

        InstanceView local = runNow(
                JobDefinition.onDemand("quiet", "sleeper").withParameters("100").withLogsLocal(true));
        InstanceView done = await(local, InstanceState.SUCCEEDED);
        Poll.pause(Duration.ofSeconds(1));
        RunLogPage none = admin.logs(APP, local.id(), null, 0, 100);
        assertThat(none.lines()).as("kept in the worker's own log").isEmpty();
        assertThat(none.finished()).isTrue();
        workerOf(done).awaitLogLine("[quiet instance " + local.id() + " attempt 1] sleeping 100 ms", GIVE_UP);
    }

    @Test
    @Order(7)
    void a_worker_stopped_gracefully_in_the_middle_of_a_run_has_it_retried_elsewhere_at_once() {
        InstanceView running = runningSleeperWithRetries("drained", "8000");
        PayaraProcess stopping = workerOf(running);

        long stoppedAt = System.nanoTime();
        stopping.terminate();
        try {
            InstanceView retried = await(
                    running,
                    "attempt 2 RUNNING on another worker",
                    i -> i.attempt() == 2 && i.state() == InstanceState.RUNNING);
            long retriedAfter = Poll.millisSince(stoppedAt);

            System.out.println("RUNS-GRACEFUL-STOP stopped=" + running.workerId() + " retried-running-after-ms="
                    + retriedAfter + " on=" + retried.workerId());
            assertThat(retried.workerId()).isNotEqualTo(running.workerId());
            assertThat(admin.instance(APP, running.id()).earlierAttempts())
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.outcome()).isEqualTo("FAILED");
                        assertThat(a.result()).contains("the worker stopped");
                    });
            assertThat(retriedAfter)
                    .as("retried at once (2 s of grace), not after the worker is taken for lost")
                    .isLessThan(10_000);
            await(running, InstanceState.SUCCEEDED);
        } finally {
            // the next case needs two workers again
            assertThat(stopping.awaitExit(Duration.ofSeconds(60))).isTrue();
            if (running.workerId().equals(SECOND_WORKER)) {
                startWorker(SECOND_WORKER, SECOND_WORKER_TAG);
            } else {
                startWorker("demo-3", "");
            }
        }
    }

    @Test
    @Order(8)
    void a_killed_workers_attempt_is_retried_on_another_once_it_is_taken_for_lost() {
        InstanceView running = runningSleeperWithRetries("crashed", "8000");

        long killedAt = System.nanoTime();
        workerOf(running).kill9();
        InstanceView retried = await(
                running,
                "attempt 2 RUNNING",
                killedAt,
                LONG_GIVE_UP,
                i -> i.attempt() == 2 && i.state() == InstanceState.RUNNING);
        long retriedAfter = Poll.millisSince(killedAt);

        System.out.println("RUNS-KILLED-WORKER killed=" + running.workerId() + " retried-running-after-ms="
                + retriedAfter + " on=" + retried.workerId());
        assertThat(retried.workerId()).isNotEqualTo(running.workerId());
        assertThat(retriedAfter)
                .as("lost after 3 missed heartbeats while the owner hears the other worker (3.5 s), then retried")
                .isLessThan(10_000);
        assertThat(admin.instance(APP, running.id()).earlierAttempts())
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("WORKER_LOST"));
        await(running, InstanceState.SUCCEEDED);
    }

    /** A run of a new sleeper job with up to 3 attempts, each retried at once (backoff 0), once RUNNING. */
    private InstanceView runningSleeperWithRetries(String name, String sleepMillis) {
        InstanceView run = runNow(JobDefinition.onDemand(name, "sleeper")
                .withParameters(sleepMillis)
                .withRetry(RetryDefinition.attempts(3).withBackoff(Duration.ZERO, Duration.ofSeconds(1))));
        return await(run, InstanceState.RUNNING);
    }

    /** Creates the job and runs it now. */
    private InstanceView runNow(JobDefinition definition) {
        JobView job = admin.createJob(APP, definition);
        return admin.runJob(APP, job.id(), RunRequest.now());
    }

    private InstanceView await(InstanceView run, InstanceState state) {
        return await(run, state.name(), i -> i.state() == state);
    }

    private InstanceView await(InstanceView run, String what, Predicate<InstanceView> done) {
        return await(run, what, System.nanoTime(), GIVE_UP, done);
    }

    /** Polls the instance until it is {@code done}, {@code timeout} after {@code startNanos} at the latest. */
    private InstanceView await(
            InstanceView run, String what, long startNanos, Duration timeout, Predicate<InstanceView> done) {
        return Poll.until(
                        "instance " + run.id() + " " + what, startNanos, timeout, POLL, () -> Optional.of(instance(run))
                                .filter(done))
                .value();
    }

    private InstanceView instance(InstanceView run) {
        return admin.instance(APP, run.id()).instance();
    }

    private PayaraProcess workerOf(InstanceView running) {
        return startedWorkers.getOrDefault(running.workerId(), cluster.demo());
    }
}
