package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Bystander.advanceHearing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.testing.Bystander;
import io.campanile.scheduler.testing.Heartbeats;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerRegistryTest {

    private static final int MISSED = 3;
    /** How long a worker heartbeating every second (the default) may be silent: 3 heartbeats and the allowance. */
    private static final long TIMEOUT = 3 * 1000 + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final WorkerRegistry registry = new WorkerRegistry(clock);

    @Test
    void a_worker_is_live_until_it_missed_its_heartbeats() {
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));

        advanceHearing(clock, registry, TIMEOUT - 1);
        assertThat(registry.isLive("billing", "worker-1", MISSED)).isTrue();

        advanceHearing(clock, registry, 1);
        assertThat(registry.isLive("billing", "worker-1", MISSED)).isFalse();
    }

    @Test
    void while_the_server_hears_no_other_worker_a_silent_one_is_lost_only_after_the_larger_number_of_heartbeats() {
        long alone = SchedulerSettings.defaults().missedHeartbeatsAlone() * 1000L
                + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS;
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));

        clock.advanceMillis(alone - 1);
        assertThat(registry.isLive("billing", "worker-1", MISSED))
                .as("the server may be the one cut off")
                .isTrue();
        clock.advanceMillis(1);
        assertThat(registry.isLive("billing", "worker-1", MISSED)).isFalse();
    }

    @Test
    void after_a_stall_of_the_servers_own_hearing_a_worker_has_its_missed_heartbeats_from_the_end_of_the_stall() {
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));
        registry.record("billing", aHeartbeat("worker-2", 0, 0.1));
        clock.advanceMillis(5_000); // nobody heard: the server's listener stalled
        registry.record(Bystander.APP, aHeartbeat("bystander", 0, 0.1)); // heard again

        advanceHearing(clock, registry, TIMEOUT - 1);
        assertThat(registry.isLive("billing", "worker-2", MISSED))
                .as("silent 8.5 s, but heard others for less than 3.5 s of it")
                .isTrue();
        advanceHearing(clock, registry, 1);
        assertThat(registry.isLive("billing", "worker-2", MISSED)).isFalse();
    }

    @Test
    void an_app_holds_a_bounded_number_of_workers_and_silent_ones_make_room() {
        for (int i = 0; i < WorkerRegistry.MAX_WORKERS_PER_APP; i++) {
            registry.seen("billing", "worker-" + i);
        }

        assertThatThrownBy(() -> registry.seen("billing", "one-too-many"))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("1000 live workers");
        registry.seen("billing", "worker-7"); // a known worker goes on
        registry.seen("payroll", "worker-0"); // another app has its own room

        clock.advanceMillis(WorkerRegistry.FORGET_MILLIS + 1);
        registry.seen("billing", "worker-7");
        registry.record("billing", aHeartbeat("newcomer", 0, 0.1));

        assertThat(registry.isLive("billing", "newcomer", MISSED)).isTrue();
        assertThat(registry.isLive("billing", "worker-7", MISSED)).isTrue();
        assertThat(registry.knows("billing", "worker-8")).as("forgotten").isFalse();
    }

    @Test
    void a_new_heartbeat_keeps_a_worker_alive() {
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));
        clock.advanceMillis(3_000);
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));
        clock.advanceMillis(3_000);

        assertThat(registry.isLive("billing", "worker-1", MISSED)).isTrue();
    }

    @Test
    void a_worker_is_alive_only_for_the_app_it_heartbeats_to() {
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));

        assertThat(registry.isLive("mailing", "worker-1", MISSED)).isFalse();
        assertThat(registry.isLive("billing", "worker-2", MISSED)).isFalse();
    }

    @Test
    void orders_workers_by_active_runs_then_by_cpu_load() {
        registry.record("billing", aHeartbeat("busy", 3, 0.1));
        registry.record("billing", aHeartbeat("idle-hot", 0, 0.9));
        registry.record("billing", aHeartbeat("idle-cool", 0, 0.2));
        registry.record("billing", aHeartbeat("one-run", 1, 0.0));

        List<String> workers = new ArrayList<>(List.of("busy", "idle-hot", "one-run", "idle-cool"));
        workers.sort(registry.leastLoadedFirst("billing"));

        assertThat(workers).containsExactly("idle-cool", "idle-hot", "one-run", "busy");
    }

    @Test
    void a_worker_not_heard_from_counts_as_idle() {
        registry.record("billing", aHeartbeat("busy", 2, 0.5));

        List<String> workers = new ArrayList<>(List.of("busy", "unheard"));
        workers.sort(registry.leastLoadedFirst("billing"));

        assertThat(workers).containsExactly("unheard", "busy");
    }

    @Test
    void forgetting_an_app_forgets_its_workers() {
        registry.record("billing", aHeartbeat("worker-1", 0, 0.1));
        registry.record("mailing", aHeartbeat("worker-1", 0, 0.1));

        registry.forgetApp("billing");

        assertThat(registry.isLive("billing", "worker-1", MISSED)).isFalse();
        assertThat(registry.isLive("mailing", "worker-1", MISSED)).isTrue();
    }

    @Test
    void sums_up_the_live_workers_and_their_processors() {
        registry.record(
                "billing", Heartbeats.aHeartbeat("w1").processors("invoice").build());
        registry.record(
                "billing",
                Heartbeats.aHeartbeat("w2").processors("mail", "invoice").build());
        advanceHearing(clock, registry, TIMEOUT);
        registry.record(
                "billing", Heartbeats.aHeartbeat("w3").processors("audit").build());

        assertThat(registry.summary("billing", MISSED)).isEqualTo(WorkerSummary.of("billing", 1, Set.of("audit")));
        assertThat(registry.summary("billing", 2 * MISSED + 1))
                .isEqualTo(WorkerSummary.of("billing", 3, Set.of("audit", "invoice", "mail")));
        registry.seen("billing", "w4"); // polls, but never sent a heartbeat naming its processors
        assertThat(registry.summary("billing", MISSED)).isEqualTo(WorkerSummary.of("billing", 2, null));
        assertThat(registry.summary("payroll", MISSED)).isEqualTo(WorkerSummary.of("payroll", 0, Set.of()));
    }

    @Test
    void a_worker_that_heartbeats_slowly_is_lost_after_as_many_of_its_own_periods() {
        registry.record(
                "billing",
                Heartbeats.aHeartbeat("slow")
                        .processors("p")
                        .heartbeatMillis(5_000)
                        .build());

        advanceHearing(clock, registry, 3 * 5_000 + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS - 1);
        assertThat(registry.isLive("billing", "slow", MISSED)).isTrue();
        assertThat(registry.lost("billing", MISSED)).isEmpty();

        advanceHearing(clock, registry, 1);
        assertThat(registry.isLive("billing", "slow", MISSED)).isFalse();
        assertThat(registry.lost("billing", MISSED)).containsExactly("slow");
        assertThat(registry.knows("billing", "slow"))
                .as("known until its lost work is handled")
                .isTrue();
        registry.forgetLost("billing", Set.of("slow"), MISSED);
        assertThat(registry.knows("billing", "slow")).isFalse();
    }

    private static WorkerHeartbeat aHeartbeat(String workerId, int activeRuns, double cpuLoad) {
        return Heartbeats.aHeartbeat(workerId)
                .cpuLoad(cpuLoad)
                .heap(512L << 20, 1024L << 20)
                .activeRuns(activeRuns)
                .build();
    }
}
