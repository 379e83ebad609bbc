package io.campanile.worker;

import static io.campanile.worker.testing.Assignments.anAssignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ProcessResult;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.Outcome;
import io.campanile.worker.config.Timeouts;
import io.campanile.worker.config.WorkerSettings;
import io.campanile.worker.run.ResolvedProcessor;
import io.campanile.worker.testing.Eventually;
import io.campanile.worker.testing.FakeServer;
import io.campanile.worker.transport.JaxRsServerApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole worker, with its JAX-RS client, against two fake servers on the loopback interface. */
class WorkerOverHttpTest {

    private final FakeServer.Ownership ownership = new FakeServer.Ownership();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private FakeServer serverA;
    private FakeServer serverB;
    private JaxRsServerApi api;
    private Worker worker;

    @BeforeEach
    void startServersAndWorker() throws Exception {
        serverA = new FakeServer("server-a", ownership, 20_000);
        serverB = new FakeServer("server-b", ownership, 20_000);
        ownership.moveTo(serverA, 1);
        WorkerSettings settings = new WorkerSettings(
                FakeServer.APP,
                FakeServer.SECRET,
                List.of(serverA.url(), serverB.url()),
                "worker-1",
                2,
                2,
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Timeouts.defaults(),
                null,
                WorkerSettings.DEFAULT_LOG_MAX_BYTES);
        api = new JaxRsServerApi(settings, Thread::new);
        worker = new Worker(
                settings,
                api,
                name -> Optional.of(ResolvedProcessor.of(context -> {
                    processed.add(name + ":" + context.instanceId() + ":" + context.attempt());
                    return ProcessResult.success("ok " + context.parameters());
                })),
                Thread::new,
                System::nanoTime);
        worker.start();
    }

    @AfterEach
    void stopAll() {
        worker.stop();
        api.close();
        serverA.close();
        serverB.close();
    }

    private static List<ReportedState> states(FakeServer server, long instanceId) {
        return server.outcomes().stream()
                .filter(r -> r.instanceId() == instanceId)
                .map(Outcome::state)
                .toList();
    }

    @Test
    void claims_work_offered_through_a_long_poll_then_runs_it_and_reports_the_outcome() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());
        assertThat(serverA.polls.get(0).capacity())
                .as("2 run threads and 2 prefetched")
                .isEqualTo(4);
        assertThat(serverA.polls.get(0).workerId()).isEqualTo("worker-1");

        serverA.offer(anAssignment(41, 1, 1, "hello", "x=1"));

        Eventually.await("SUCCEEDED reached server A", () -> states(serverA, 41).contains(ReportedState.SUCCEEDED));
        assertThat(serverA.claims).containsExactly(new ClaimRequest("worker-1", 1, List.of(new Claim(41, 1))));
        assertThat(serverA.reports).singleElement().satisfies(batch -> {
            assertThat(batch.workerId()).isEqualTo("worker-1");
            assertThat(batch.outcomes())
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("startedAt")
                    .containsExactly(new Outcome(
                            41,
                            1,
                            ReportedState.SUCCEEDED,
                            "ok x=1",
                            null,
                            null,
                            java.time.Instant.parse("2026-11-24T10:00:05Z")));
            assertThat(batch.outcomes().get(0).startedAt()).isNotNull(); // it went over JSON
        });
        assertThat(processed).containsExactly("hello:41:1");
        assertThat(serverA.badCredentials).isEmpty();
    }

    @Test
    void never_runs_an_attempt_whose_claim_the_server_refuses() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());
        serverA.refusedClaims.add(42L);

        serverA.offer(anAssignment(42, 1));
        serverA.offer(anAssignment(43, 1));

        Eventually.await("instance 43 succeeded", () -> states(serverA, 43).contains(ReportedState.SUCCEEDED));
        assertThat(serverA.claims)
                .extracting(c -> c.claims().get(0).instanceId())
                .containsExactly(42L, 43L);
        assertThat(processed).containsExactly("hello:43:1");
        assertThat(states(serverA, 42)).isEmpty();
    }

    @Test
    void follows_the_app_to_the_new_owner_when_the_old_one_answers_409() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());

        ownership.moveTo(serverB, 2);

        Eventually.await("the worker polls server B", Duration.ofSeconds(3), () -> !serverB.polls.isEmpty());
        assertThat(serverB.polls.get(0).epochSeen()).isEqualTo(2);
        serverB.offer(anAssignment(50, 2));
        Eventually.await("instance 50 succeeded", () -> states(serverB, 50).contains(ReportedState.SUCCEEDED));
    }

    @Test
    void fails_over_within_a_second_when_the_owner_dies() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());
        ownership.moveTo(serverB, 2);

        long killedAt = System.nanoTime();
        serverA.close();

        Eventually.await("the worker polls server B", Duration.ofSeconds(3), () -> !serverB.polls.isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void leaves_a_frozen_owner_for_the_new_one_within_seconds_although_its_poll_hangs() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.scheduleWithFixedDelay(worker::tick, 0, 200, TimeUnit.MILLISECONDS); // the container's timer
            long frozenAt = System.nanoTime();
            serverA.freeze(); // the held poll and every later call to A hang; connections are still accepted
            ownership.moveTo(serverB, 2);

            Eventually.await("the worker polls server B", Duration.ofSeconds(5), () -> !serverB.polls.isEmpty());
            // a heartbeat within 200 ms, silent after 1 s without an answer, then one discovery round at B:
            // about 1.3 s, far from the poll's 30 s read timeout (margin for a busy build machine)
            assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).isLessThan(Duration.ofSeconds(3));
            serverB.offer(anAssignment(70, 2));
            Eventually.await("instance 70 succeeded", () -> states(serverB, 70).contains(ReportedState.SUCCEEDED));
        } finally {
            timer.shutdownNow();
            serverA.thaw();
        }
    }

    @Test
    void does_not_run_work_a_deposed_owner_dispatched_under_an_older_epoch() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());
        ownership.moveTo(serverB, 2);
        Eventually.await("the worker polls server B", Duration.ofSeconds(3), () -> !serverB.polls.isEmpty());

        serverB.offer(anAssignment(60, 1));
        serverB.offer(anAssignment(61, 2));

        Eventually.await("instance 61 succeeded", () -> states(serverB, 61).contains(ReportedState.SUCCEEDED));
        assertThat(processed).containsExactly("hello:61:1");
        assertThat(states(serverB, 60)).isEmpty();
    }

    @Test
    void heartbeats_the_owner_on_each_tick_with_its_capacity_and_epoch() {
        Eventually.await("the owner is known", () -> worker.owner().isPresent());

        worker.tick();

        assertThat(serverA.heartbeats).singleElement().satisfies(h -> {
            assertThat(h.workerId()).isEqualTo("worker-1");
            assertThat(h.capacity()).isEqualTo(2);
            assertThat(h.epochSeen()).isEqualTo(1);
        });
    }

    @Test
    void stopping_aborts_the_held_poll_and_closes_the_client_at_once() {
        Eventually.await("the worker polls server A", () -> !serverA.polls.isEmpty());

        long started = System.nanoTime();
        worker.stop();
        api.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(worker.activeRuns()).isZero();
    }
}
