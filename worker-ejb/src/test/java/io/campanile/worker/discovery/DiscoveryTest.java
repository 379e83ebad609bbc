package io.campanile.worker.discovery;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(2, 4);
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final Discovery discovery = new Discovery(
            "app",
            api,
            new ServerRotation(List.of(server(1), server(2), server(3))),
            owner,
            epochs,
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void records_the_owner_and_epoch_the_first_answering_server_names() {
        assertThat(discovery.discover()).contains(new Owner("server-2", server(2), 4));

        assertThat(owner.get()).contains(new Owner("server-2", server(2), 4));
        assertThat(epochs.newest()).isEqualTo(4);
        assertThat(api.calls).containsExactly("discover server-1.test");
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
    void an_owner_named_with_a_lower_epoch_does_not_lower_the_newest_epoch() {
        epochs.observe(9);

        discovery.discover();

        assertThat(epochs.newest()).isEqualTo(9);
    }

    @Test
    void routine_discovery_is_due_only_after_the_interval_since_the_last_answer() {
        assertThat(discovery.isDue(now, Duration.ofSeconds(5))).isTrue();

        discovery.discover();

        assertThat(discovery.isDue(now.plusSeconds(4), Duration.ofSeconds(5))).isFalse();
        assertThat(discovery.isDue(now.plusSeconds(5), Duration.ofSeconds(5))).isTrue();
    }
}
