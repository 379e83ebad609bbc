package io.campanile.scheduler.infrastructure.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.HandoffAnswer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffJsonTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void the_hand_written_request_reads_back_as_the_same_handoff() {
        Handoff handoff = new Handoff(
                "s-1a2b", List.of(new Handoff.HeldApp("billing", 4), new Handoff.HeldApp("odd\"name\\", 7)));

        assertThat(jsonb.fromJson(HandoffJson.write(handoff), Handoff.class)).isEqualTo(handoff);
    }

    @Test
    void reads_the_apps_taken_over_from_the_answer_json_b_writes() {
        String answer = jsonb.toJson(new HandoffAnswer("s-9", List.of("billing", "mailing")));

        assertThat(HandoffJson.takenOver(answer)).containsExactly("billing", "mailing");
        assertThat(HandoffJson.takenOver(jsonb.toJson(new HandoffAnswer("s-9", List.of()))))
                .isEmpty();
        assertThat(HandoffJson.takenOver("not json")).isEmpty();
    }
}
