package io.campanile.worker.discovery;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRotationTest {

    private final ServerRotation rotation = new ServerRotation(List.of(server(1), server(2), server(3)));

    @Test
    void each_round_starts_one_server_further() {
        assertThat(rotation.nextRound()).containsExactly(server(1), server(2), server(3));
        assertThat(rotation.nextRound()).containsExactly(server(2), server(3), server(1));
        assertThat(rotation.nextRound()).containsExactly(server(3), server(1), server(2));
        assertThat(rotation.nextRound()).containsExactly(server(1), server(2), server(3));
    }

    @Test
    void servers_that_failed_are_asked_last_until_they_answer_again() {
        rotation.failed(server(1));

        assertThat(rotation.nextRound()).containsExactly(server(2), server(3), server(1));

        rotation.answered(server(1));
        assertThat(rotation.nextRound()).containsExactly(server(2), server(3), server(1));
        assertThat(rotation.nextRound()).containsExactly(server(3), server(1), server(2));
    }

    @Test
    void the_silent_owner_is_asked_last_of_all_even_after_servers_that_failed() {
        rotation.failed(server(2));
        rotation.silent(server(1));

        assertThat(rotation.nextRound()).containsExactly(server(3), server(2), server(1));
        assertThat(rotation.nextRound()).containsExactly(server(3), server(2), server(1));

        rotation.notSilent(server(1));
        assertThat(rotation.nextRound()).containsExactly(server(3), server(1), server(2));
    }
}
