package io.campanile.worker.loop;

import static io.campanile.worker.testing.Assignments.anAssignmentStartingIn;
import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.run.AssignmentRunner;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.run.RunWatch;
import io.campanile.worker.testing.ManualNanos;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatSenderTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(1, 3);
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final ManualNanos clock = new ManualNanos();
    private final ServerRotation rotation = new ServerRotation(List.of(server(1), server(2)));
    private final Discovery discovery =
            new Discovery("app", api, rotation, owner, epochs, clock, Duration.ofMillis(250));
    private final SilentOwnerWatch watch =
            new SilentOwnerWatch("app", discovery, rotation, clock, Duration.ofMillis(250), Duration.ofSeconds(1));
    private final RunDispatcher runs = new RunDispatcher(
            4, new AssignmentRunner("app", name -> Optional.empty(), outcome -> {}), Runnable::run, () -> 0);
    private final HeartbeatSender heartbeat = new HeartbeatSender(
            "w", api, owner, discovery, watch, epochs, runs, new HealthProbe(), List.of("audit", "hello"));

    @Test
    void sends_nothing_before_an_owner_is_known() {
        assertThat(heartbeat.beat()).isFalse();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void heartbeats_the_owner_and_records_its_epoch() {
        discovery.discover();
        api.owner(1, 4);

        assertThat(heartbeat.beat()).isTrue();

        assertThat(api.calls).last().isEqualTo("heartbeat server-1.test");
        assertThat(epochs.newest()).isEqualTo(4);
    }

    @Test
    void work_claimed_ahead_of_its_time_is_named_as_running_and_one_the_owner_stops_never_starts() {
        RunWatch watch = new RunWatch(System::nanoTime, r -> {});
        HeartbeatSender naming = new HeartbeatSender(
                "w", api, owner, discovery, this.watch, epochs, runs, new HealthProbe(), List.of("hello"), watch);
        discovery.discover();
        long later = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        runs.deferred().hold(anAssignmentStartingIn(5, 60_000), later);
        runs.deferred().hold(anAssignmentStartingIn(6, 60_000), later);
        api.stops = List.of(new Refusal(5, 1, "stopped by an operator"));

        naming.beat();

        assertThat(api.heartbeats).singleElement().satisfies(h -> assertThat(h.running())
                .containsExactlyInAnyOrder(new Claim(5, 1), new Claim(6, 1)));
        assertThat(runs.deferred().claims()).containsExactly(new Claim(6, 1));
    }

    @Test
    void reads_the_owners_clock_from_the_answer() {
        discovery.discover();
        java.time.Instant ownerNow = java.time.Instant.parse("2026-12-01T10:00:00Z");
        assertThat(heartbeat.beat()).isTrue();
        assertThat(runs.ownerClock().surelyPassed(ownerNow))
                .as("an answer without the owner's time")
                .isEmpty();
        api.serverTime = ownerNow;

        long before = System.nanoTime();
        heartbeat.beat();
        long after = System.nanoTime();

        assertThat(runs.ownerClock().surelyPassed(ownerNow)).isPresent();
        assertThat(runs.ownerClock().surelyPassed(ownerNow).getAsLong()).isBetween(before, after + 1_000_000);
    }

    @Test
    void names_the_processors_the_worker_can_run() {
        discovery.discover();

        heartbeat.beat();

        assertThat(api.heartbeats).singleElement().satisfies(h -> assertThat(h.processors())
                .containsExactly("audit", "hello"));
    }

    @Test
    void rediscovers_at_once_when_the_owner_answers_409() {
        discovery.discover();
        api.failing(1, 409).owner(2, 5);

        assertThat(heartbeat.beat()).isFalse();

        assertThat(api.calls).containsSubsequence("heartbeat server-1.test", "discover server-2.test");
        assertThat(owner.get()).hasValueSatisfying(o -> assertThat(o.serverId()).isEqualTo("server-2"));
        assertThat(epochs.newest()).isEqualTo(5);
        assertThat(watch.suspected()).isEmpty();
    }

    @Test
    void an_owner_that_does_not_answer_is_handed_to_the_watch_without_blocking_the_tick_on_discovery() {
        discovery.discover();
        api.failing(1, 0);
        api.calls.clear();

        assertThat(heartbeat.beat()).isFalse();

        assertThat(api.calls).containsExactly("heartbeat server-1.test");
        assertThat(watch.suspected())
                .hasValueSatisfying(o -> assertThat(o.serverId()).isEqualTo("server-1"));
    }

    @Test
    void a_heartbeat_that_timed_out_after_discovery_named_a_newer_owner_suspects_nobody() {
        discovery.discover();
        api.failing(1, 0).whileNextHeartbeatWaits(() -> {
            api.owner(2, 4);
            discovery.discover(); // the watch or the poll loop learns of the new owner meanwhile
        });

        heartbeat.beat();

        assertThat(watch.suspected()).isEmpty();
    }

    @Test
    void an_answered_heartbeat_ends_the_suspicion() {
        discovery.discover();
        api.failing(1, 0);
        heartbeat.beat();

        api.up(1);
        heartbeat.beat();

        assertThat(watch.suspected()).isEmpty();
    }

    @Test
    void health_sample_reports_heap_capacity_and_processors() {
        var sample = new HealthProbe().sample("w", 1, 8, 3, List.of("audit"), null);

        assertThat(sample.maxHeapBytes()).isPositive();
        assertThat(sample.freeHeapBytes()).isBetween(0L, sample.maxHeapBytes());
        assertThat(sample.activeRuns()).isEqualTo(1);
        assertThat(sample.capacity()).isEqualTo(8);
        assertThat(sample.epochSeen()).isEqualTo(3);
        assertThat(sample.processors()).containsExactly("audit");
    }
}
