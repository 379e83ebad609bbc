package io.campanile.worker.discovery;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.worker.testing.CapturedLog;
import io.campanile.worker.testing.ManualNanos;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(2, 4);
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final ManualNanos clock = new ManualNanos();
    private final Discovery discovery = new Discovery(
            "app",
            api,
            new ServerRotation(List.of(server(1), server(2), server(3))),
            owner,
            epochs,
            clock,
            Duration.ofMillis(250));
    private final CapturedLog log = new CapturedLog(Discovery.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void records_the_owner_and_epoch_the_first_answering_server_names() {
        assertThat(discovery.discover()).contains(new Owner("server-2", server(2), 4));

        assertThat(owner.get()).contains(new Owner("server-2", server(2), 4));
        assertThat(epochs.newest()).isEqualTo(4);
        assertThat(api.calls).containsExactly("discover server-1.test");
    }

    @Test
    void tells_the_listener_every_owner_a_server_names() {
        List<Owner> named = new ArrayList<>();
        discovery.onAnswer(named::add);

        discovery.discover();
        api.owner(3, 5);
        discovery.discover();

        assertThat(named).extracting(Owner::epoch).containsExactly(4L, 5L);
    }

    @Test
    void skips_a_server_that_does_not_answer_and_asks_the_next() {
        api.failing(1, 0);

        assertThat(discovery.discover()).isPresent();

        assertThat(api.calls).containsExactly("discover server-1.test", "discover server-2.test");
    }

    @Test
    void asks_a_failed_server_last_in_the_next_rounds() {
        api.failing(1, 0);
        discovery.discover();
        api.calls.clear();

        discovery.discover();
        discovery.discover();

        assertThat(api.calls).containsExactly("discover server-2.test", "discover server-3.test");
    }

    @Test
    void finds_nothing_when_no_server_answers_and_keeps_the_known_owner() {
        discovery.discover();
        api.failing(1, 0).failing(2, 503).failing(3, 0);

        assertThat(discovery.discover()).isEmpty();

        assertThat(owner.get()).isPresent();
    }

    @Test
    void servers_that_do_not_answer_are_asked_again_at_once() {
        api.failing(1, 0).failing(2, 0).failing(3, 0);
        discovery.discover();
        api.calls.clear();

        discovery.discover();

        assertThat(discovery.holdOff()).isZero();
        assertThat(api.calls).hasSize(3);
    }

    @Test
    void an_owner_named_with_a_lower_epoch_does_not_lower_the_newest_epoch() {
        epochs.observe(9);

        discovery.discover();

        assertThat(epochs.newest()).isEqualTo(9);
    }

    @Test
    void routine_discovery_is_due_only_after_the_interval_since_the_last_answer() {
        assertThat(discovery.isDue(Duration.ofSeconds(5))).isTrue();

        discovery.discover();

        clock.advance(Duration.ofSeconds(4));
        assertThat(discovery.isDue(Duration.ofSeconds(5))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(discovery.isDue(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void refused_credentials_make_the_next_rounds_wait_a_pause_that_doubles_up_to_30_seconds() {
        api.failing(1, 401).failing(2, 401).failing(3, 401);
        List<Long> pauses = new ArrayList<>();

        for (int round = 0; round < 12; round++) {
            api.calls.clear();
            assertThat(discovery.discover()).isEmpty();
            assertThat(api.calls).as("round %d asks every server", round).hasSize(3);
            Duration pause = discovery.holdOff();
            pauses.add(pause.toMillis());

            clock.advance(pause.minusMillis(1));
            api.calls.clear();
            assertThat(discovery.discover()).isEmpty();
            assertThat(api.calls).as("no call during the pause").isEmpty();
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(pauses)
                .containsExactly(
                        250L, 500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L, 30000L);
    }

    @Test
    void refused_credentials_are_logged_once_when_they_start_and_once_when_they_end() {
        api.failing(1, 401).failing(2, 401).failing(3, 401);
        for (int round = 0; round < 20; round++) {
            discovery.discover();
            clock.advance(discovery.holdOff());
        }
        api.up(1).up(2).up(3);

        discovery.discover();
        discovery.discover();

        assertThat(log.atLeast(Level.INFO)).hasSize(2);
        assertThat(log.atLeast(Level.INFO).get(0)).startsWith("SEVERE").contains("401");
        assertThat(log.atLeast(Level.INFO).get(1)).startsWith("INFO").contains("served by server-2");
    }

    @Test
    void an_owner_named_again_after_it_was_forgotten_is_not_logged_again() {
        discovery.discover();
        owner.forget(owner.get().orElseThrow()); // a poll at it failed

        discovery.discover();
        api.owner(3, 5);
        discovery.discover();

        assertThat(log.atLeast(Level.INFO))
                .hasSize(2)
                .allMatch(line -> line.startsWith("INFO"))
                .anyMatch(line -> line.contains("server-2"))
                .anyMatch(line -> line.contains("server-3"));
    }

    @Test
    void after_a_recovery_a_new_refusal_starts_again_with_the_shortest_pause() {
        api.failing(1, 401).failing(2, 401).failing(3, 401);
        for (int round = 0; round < 5; round++) {
            discovery.discover();
            clock.advance(discovery.holdOff());
        }
        api.up(1);
        discovery.discover();

        api.failing(1, 401);
        discovery.discover();

        assertThat(discovery.holdOff()).isEqualTo(Duration.ofMillis(250));
    }
}
