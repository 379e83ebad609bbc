package io.campanile.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.WorkerHeartbeat;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonContractTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void records_round_trip_through_json_b() {
        PollAnswer answer = new PollAnswer(
                "s1",
                7,
                List.of(new Assignment(
                        1,
                        2,
                        3,
                        "job",
                        "hello",
                        Instant.parse("2026-11-24T10:00:01Z"),
                        7,
                        "{\"a\":1}",
                        null,
                        null,
                        null,
                        40L,
                        Instant.parse("2026-11-24T10:00:01.003Z"))));

        PollAnswer back = jsonb.fromJson(jsonb.toJson(answer), PollAnswer.class);

        assertThat(back).isEqualTo(answer);
    }

    @Test
    void absent_fields_arrive_as_null_and_enums_by_name() {
        JobDefinition definition = jsonb.fromJson("{\"name\":\"n\",\"scheduleType\":\"CRON\"}", JobDefinition.class);

        assertThat(definition.name()).isEqualTo("n");
        assertThat(definition.scheduleType()).isEqualTo(ScheduleType.CRON);
        assertThat(definition.cron()).isNull();
        assertThat(definition.enabled()).isNull();
    }

    @Test
    void instants_are_written_as_iso_8601() {
        String json = jsonb.toJson(new Assignment(
                1, 1, 1, "j", "p", Instant.parse("2026-11-24T10:00:01Z"), 1, null, null, null, null, null, null));

        assertThat(json).contains("\"fireTime\":\"2026-11-24T10:00:01Z\"");
    }

    @Test
    void heartbeats_carry_the_processor_names_of_the_worker() {
        WorkerHeartbeat heartbeat =
                new WorkerHeartbeat("w1", 0.5, 100, 200, 1, 8, 3, List.of("audit", "hello"), null, null, null, null);

        String json = jsonb.toJson(heartbeat);

        assertThat(json).contains("\"processors\":[\"audit\",\"hello\"]");
        assertThat(jsonb.fromJson(json, WorkerHeartbeat.class)).isEqualTo(heartbeat);
    }

    @Test
    void a_heartbeat_without_processors_arrives_with_null_processors() {
        WorkerHeartbeat heartbeat =
                jsonb.fromJson("{\"workerId\":\"w1\",\"capacity\":8,\"epochSeen\":3}", WorkerHeartbeat.class);

        assertThat(heartbeat.workerId()).isEqualTo("w1");
        assertThat(heartbeat.capacity()).isEqualTo(8);
        assertThat(heartbeat.processors()).isNull();
    }
}
