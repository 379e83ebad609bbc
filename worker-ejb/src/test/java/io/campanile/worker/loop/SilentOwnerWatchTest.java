package io.campanile.worker.loop;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.testing.ManualNanos;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SilentOwnerWatchTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(1, 5);
    private final CurrentOwner owner = new CurrentOwner();
    private final ManualNanos clock = new ManualNanos();
    private final ServerRotation rotation = new ServerRotation(List.of(server(1), server(2), server(3)));
    private final Discovery discovery =
            new Discovery("app", api, rotation, owner, new EpochGuard(), clock, Duration.ofMillis(250));
    private final SilentOwnerWatch watch =
            new SilentOwnerWatch("app", discovery, rotation, clock, Duration.ofMillis(250), Duration.ofSeconds(1));
    private Owner frozen;

    @BeforeEach
    void discoverTheOwner() {
        discovery.onAnswer(watch::ownerNamed);
        frozen = discovery.discover().orElseThrow();
        api.calls.clear();
    }

    /** Steps the watch as its thread would, moving the clock by each wait, for {@code span} of time. */
    private void runFor(Duration span) {
        long end = clock.getAsLong() + span.toNanos();
        while (clock.getAsLong() < end) {
            Optional<Duration> wait = watch.step();
            if (wait.isEmpty()) {
                return;
            }
            clock.advance(wait.get().isZero() ? Duration.ZERO : wait.get());
        }
    }

    @Test
    void does_nothing_while_the_owner_answers() {
        assertThat(watch.step()).isEmpty();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void a_silent_owner_makes_it_ask_the_other_servers_at_once_and_not_the_suspect() {
        watch.suspect(frozen);

        watch.step();
        assertThat(api.calls).hasSize(1);
        runFor(Duration.ofSeconds(3));

        assertThat(api.calls).hasSizeGreaterThan(3).doesNotContain("discover server-1.test");
    }

    @Test
    void the_suspect_is_asked_last_when_the_others_do_not_answer() {
        api.failing(2, 0).failing(3, 0);
        watch.suspect(frozen);

        watch.step();

        assertThat(api.calls).last().isEqualTo("discover server-1.test");
    }

    @Test
    void keeps_asking_while_the_servers_still_name_the_silent_owner_and_ends_when_one_names_a_newer_epoch() {
        watch.suspect(frozen);
        runFor(Duration.ofMillis(1500));
        assertThat(watch.suspected()).contains(frozen);
        int rounds = api.calls.size();
        assertThat(rounds).isGreaterThanOrEqualTo(3);

        api.owner(2, 6);
        runFor(Duration.ofSeconds(1));

        assertThat(watch.suspected()).isEmpty();
        assertThat(owner.get()).hasValueSatisfying(o -> assertThat(o.epoch()).isEqualTo(6));
        assertThat(watch.step()).as("no more rounds once a new owner is known").isEmpty();
    }

    @Test
    void rounds_start_a_pause_apart_that_doubles_up_to_the_ceiling() {
        watch.suspect(frozen);
        List<Long> startedAt = new ArrayList<>();
        long start = clock.getAsLong();
        while (startedAt.size() < 6) {
            int before = api.calls.size();
            Optional<Duration> wait = watch.step();
            if (api.calls.size() > before) {
                startedAt.add(Duration.ofNanos(clock.getAsLong() - start).toMillis());
            }
            clock.advance(wait.orElseThrow());
        }

        assertThat(startedAt).containsExactly(0L, 250L, 750L, 1750L, 2750L, 3750L);
    }

    @Test
    void a_cut_off_worker_never_moves_the_app_and_asks_about_once_a_second() {
        // the owner lives on and renews its lease: every server keeps naming it
        watch.suspect(frozen);

        runFor(Duration.ofSeconds(30));

        assertThat(owner.get()).contains(frozen);
        assertThat(watch.suspected()).contains(frozen);
        assertThat(api.calls.size()).isBetween(29, 34);
        assertThat(api.calls).allMatch(call -> call.startsWith("discover"));
    }

    @Test
    void a_heartbeat_answered_by_the_owner_ends_the_suspicion() {
        watch.suspect(frozen);
        runFor(Duration.ofMillis(600));

        watch.answered(frozen);

        assertThat(watch.suspected()).isEmpty();
        assertThat(watch.step()).isEmpty();
    }

    @Test
    void suspecting_the_same_owner_again_does_not_restart_the_pauses() {
        assertThat(watch.suspect(frozen)).isTrue();
        watch.step();

        assertThat(watch.suspect(frozen)).isFalse();

        assertThat(watch.step()).contains(Duration.ofMillis(250));
        assertThat(api.calls).hasSize(1);
    }

    @Test
    void only_the_suspect_counts_as_silent() {
        watch.suspect(frozen);

        assertThat(watch.isSilent(server(1))).isTrue();
        assertThat(watch.isSilent(server(2))).isFalse();
    }

    @Test
    void stops_waiting_at_once_when_stopped() throws InterruptedException {
        Thread thread = new Thread(watch, "watch-under-test");
        thread.start();

        watch.stop();
        thread.join(2000);

        assertThat(thread.isAlive()).isFalse();
    }
}
