package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.ReportedState;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Stamped(Instant at, List<String> tags) {}

    @Test
    void reads_a_well_formed_body_into_its_record() {
        Outcome outcome = read(
                "{\"instanceId\": 7, \"attempt\": 2, \"state\": \"FAILED\", \"message\": \"line 1\\nline 2\"}",
                Outcome.class);

        assertThat(outcome).isEqualTo(new Outcome(7, 2, ReportedState.FAILED, "line 1\nline 2", null, null, null));
    }

    @Test
    void reads_nested_records_lists_and_instants() {
        Handoff handoff =
                read("{\"leavingServerId\": \"s1\", \"apps\": [{\"appName\": \"a\", \"epoch\": 4}]}", Handoff.class);
        Stamped stamped = read("{\"at\": \"2026-01-31T12:00:00Z\", \"tags\": [\"x\", \"y\"]}", Stamped.class);

        assertThat(handoff.apps()).containsExactly(new Handoff.HeldApp("a", 4));
        assertThat(stamped).isEqualTo(new Stamped(Instant.parse("2026-01-31T12:00:00Z"), List.of("x", "y")));
    }

    @Test
    void an_empty_body_is_no_record() {
        assertThat(read("  \n", RunRequest.class)).isNull();
    }

    @Test
    void absent_optional_values_are_null() {
        assertThat(read("{}", RunRequest.class)).isEqualTo(RunRequest.now());
    }

    @Test
    void parameters_take_a_string_as_it_is_and_any_other_value_as_its_json_text() {
        assertThat(read("{\"parameters\": \"{\\\"a\\\": 1}\"}", RunRequest.class)
                        .parameters())
                .isEqualTo("{\"a\": 1}");
        assertThat(read("{\"parameters\": {\"a\": [1, 2.5e3, true, null, \"t\\\"x\"]}}", RunRequest.class)
                        .parameters())
                .isEqualTo("{\"a\":[1,2.5e3,true,null,\"t\\\"x\"]}");
        assertThat(read("{\"parameters\": 42}", RunRequest.class).parameters()).isEqualTo("42");
        assertThat(read("{\"parameters\": null}", RunRequest.class).parameters())
                .isNull();
    }

    @Test
    void deeply_nested_parameters_are_refused() {
        String deep = "[".repeat(JsonText.MAX_DEPTH + 1) + "]".repeat(JsonText.MAX_DEPTH + 1);

        assertRejected("{\"parameters\": " + deep + "}", RunRequest.class, "parameters: is nested deeper than");
    }

    @Test
    void a_value_of_another_json_type_is_refused_naming_the_field() {
        assertRejected("{\"requestId\": 5}", RunRequest.class, "requestId: must be a string, not a number");
        assertRejected("{\"requestId\": true}", RunRequest.class, "requestId: must be a string, not a boolean");
        assertRejected("{\"enabled\": \"yes\"}", JobDefinition.class, "enabled: must be true or false, not a string");
        assertRejected(
                "{\"delaySeconds\": \"5\"}", RunRequest.class, "delaySeconds: must be a whole number, not a string");
        assertRejected("{\"apps\": {}}", Handoff.class, "apps: must be an array, not an object");
    }

    @Test
    void numbers_that_do_not_fit_are_refused_not_wrapped_or_truncated() {
        assertRejected(
                "{\"delaySeconds\": 18446744073709551621}",
                RunRequest.class,
                "delaySeconds: 18446744073709551621 is out of range");
        assertRejected("{\"delaySeconds\": 1e308}", RunRequest.class, "delaySeconds: 1e308 is out of range");
        assertRejected("{\"delaySeconds\": 1e999999999}", RunRequest.class, "is out of range");
        assertRejected("{\"delaySeconds\": 1.9}", RunRequest.class, "delaySeconds: must be a whole number, not 1.9");
        assertRejected(
                "{\"instanceId\": 1, \"attempt\": 4294967297, \"state\": \"SUCCEEDED\"}",
                Outcome.class,
                "attempt: 4294967297 is out of range (-2147483648 to 2147483647)");
        assertRejected(
                "{\"workerId\": \"w\", \"cpuLoad\": 1e400, \"freeHeapBytes\": 1, \"maxHeapBytes\": 1,"
                        + " \"activeRuns\": 0, \"capacity\": 1, \"epochSeen\": 0}",
                WorkerHeartbeat.class,
                "cpuLoad: is too large");
    }

    @Test
    void whole_numbers_may_be_written_with_an_exponent() {
        assertThat(read("{\"delaySeconds\": 1e3}", RunRequest.class).delaySeconds())
                .isEqualTo(1000L);
    }

    @Test
    void primitives_must_be_present_and_not_null() {
        assertRejected("{\"workerId\": \"w\", \"capacity\": 1}", PollRequest.class, "epochSeen: is required");
        assertRejected(
                "{\"workerId\": \"w\", \"capacity\": null, \"epochSeen\": 0}",
                PollRequest.class,
                "capacity: must not be null");
    }

    @Test
    void an_unknown_enum_value_lists_the_valid_ones() {
        assertRejected(
                "{\"scheduleType\": \"WEEKLY\"}",
                JobDefinition.class,
                "scheduleType: 'WEEKLY' is not one of CRON, FIXED_RATE, FIXED_DELAY, ONE_OFF, DAILY_TIME_INTERVAL, API");
        assertThat(ScheduleType.values())
                .extracting(Enum::name)
                .containsExactly("CRON", "FIXED_RATE", "FIXED_DELAY", "ONE_OFF", "DAILY_TIME_INTERVAL", "API");
    }

    @Test
    void unknown_and_repeated_properties_are_refused_by_name() {
        assertRejected(
                "{\"delay\": 5}",
                RunRequest.class,
                "delay: unknown property; expected one of parameters, delaySeconds, requestId");
        assertRejected(
                "{\"requestId\": \"a\", \"requestId\": \"b\"}", RunRequest.class, "requestId: appears more than once");
        assertRejected(
                "{\"leavingServerId\": \"s\", \"apps\": [{\"appName\": \"a\", \"epoch\": 1, \"x\": 0}]}",
                Handoff.class,
                "apps[0].x: unknown property");
    }

    @Test
    void null_list_elements_are_refused_with_their_index() {
        assertRejected("{\"leavingServerId\": \"s\", \"apps\": [null]}", Handoff.class, "apps[0]: must not be null");
    }

    @Test
    void the_body_must_be_one_json_object_and_nothing_after_it() {
        assertRejected("[{}]", RunRequest.class, "body: must be a JSON object, not an array");
        assertRejected("\"x\"", RunRequest.class, "body: must be a JSON object, not a string");
        assertRejected("{} {}", RunRequest.class, "body:");
        assertRejected("{}garbage", RunRequest.class, "body:");
        assertRejected("{\"requestId\": ", RunRequest.class, "body: is not valid JSON");
    }

    @Test
    void control_characters_and_lone_surrogates_are_refused_in_every_string() {
        assertRejected(
                "{\"requestId\": \"a\\u0000b\"}",
                RunRequest.class,
                "requestId: contains the control character U+0000 at position 1");
        assertRejected(
                "{\"parameters\": \"\\u001b[31m\"}",
                RunRequest.class,
                "parameters: contains the control character U+001B");
        assertRejected(
                "{\"parameters\": {\"k\": \"\\u0000\"}}",
                RunRequest.class,
                "parameters: contains the control character U+0000");
        assertRejected(
                "{\"parameters\": {\"\\u0000\": 1}}",
                RunRequest.class,
                "parameters: contains the control character U+0000");
        assertRejected("{\"requestId\": \"\\ud800\"}", RunRequest.class, "requestId: contains a lone surrogate U+D800");
        assertRejected("{\"a\\u0000\": 1}", RunRequest.class, "contains the control character U+0000");
    }

    @Test
    void tabs_line_breaks_and_surrogate_pairs_are_text() {
        assertThat(read("{\"parameters\": \"a\\tb\\r\\nc \\ud83d\\ude00\"}", RunRequest.class)
                        .parameters())
                .isEqualTo("a\tb\r\nc \uD83D\uDE00");
    }

    @Test
    void a_huge_value_is_echoed_cut_short() {
        String huge = "x".repeat(20_000);

        assertThatThrownBy(() -> read("{\"scheduleType\": \"" + huge + "\"}", JobDefinition.class))
                .isInstanceOf(StrictJson.Rejected.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("(20000 characters)"));
        assertThatThrownBy(() -> read("{\"" + huge + "\": 1}", JobDefinition.class))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    private static <T extends Record> T read(String json, Class<T> type) {
        try {
            return StrictJson.read(new StringReader(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRejected(String json, Class<? extends Record> type, String message) {
        assertThatThrownBy(() -> read(json, type))
                .isInstanceOf(StrictJson.Rejected.class)
                .hasMessageContaining(message);
    }
}
