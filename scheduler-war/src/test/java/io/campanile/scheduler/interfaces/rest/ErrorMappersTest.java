package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RunRequest;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    @Test
    void a_value_of_the_wrong_type_is_reported_with_its_property() {
        String message = messageOf("{\"delaySeconds\": \"abc\"}", RunRequest.class);

        assertThat(message).startsWith("delaySeconds: ").contains("abc");
    }

    @Test
    void an_unknown_enum_value_is_reported_with_its_type_and_value() {
        String message = messageOf("{\"name\": \"x\", \"scheduleType\": \"WEEKLY\"}", JobDefinition.class);

        assertThat(message).isEqualTo("'WEEKLY' is not a ScheduleType");
    }

    private static String messageOf(String json, Class<?> type) {
        try {
            JsonbBuilder.create().fromJson(json, type);
            throw new AssertionError("expected a JSON-B failure for " + json);
        } catch (JsonbException e) {
            return ErrorMappers.rootMessage(e);
        }
    }
}
