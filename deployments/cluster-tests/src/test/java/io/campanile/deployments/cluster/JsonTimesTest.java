package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTimesTest {

    @Test
    void finds_every_value_of_a_field_as_written() {
        String json = "[{\"fireTime\":\"2026-11-30T04:09:46Z\",\"id\":5},"
                + "{\"id\":6, \"fireTime\" : 1796005286.000000000},{\"fireTime\":null}]";

        assertThat(JsonTimes.valuesOf(json, "fireTime"))
                .containsExactly("\"2026-11-30T04:09:46Z\"", "1796005286.000000000", "null");
    }

    @Test
    void a_field_that_is_not_there_has_no_values() {
        assertThat(JsonTimes.valuesOf("{\"createdAt\":\"2026-11-30T04:09:46Z\"}", "fireTime"))
                .isEmpty();
    }

    @Test
    void iso_8601_strings_in_utc_are_instants() {
        assertThat(JsonTimes.isIsoInstant("\"2026-11-30T04:09:46Z\"")).isTrue();
        assertThat(JsonTimes.isIsoInstant("\"2026-11-30T04:06:13.062424Z\"")).isTrue();
    }

    @Test
    void jackson_numbers_and_other_forms_are_not() {
        assertThat(JsonTimes.isIsoInstant("1796005286.000000000")).isFalse();
        assertThat(JsonTimes.isIsoInstant("\"1796005286\"")).isFalse();
        assertThat(JsonTimes.isIsoInstant("null")).isFalse();
        assertThat(JsonTimes.isIsoInstant("\"2026-11-30T04:09:46+01:00\"")).isFalse();
        assertThat(JsonTimes.isIsoInstant("\"2026-02-30T04:09:46Z\"")).isFalse();
    }
}
