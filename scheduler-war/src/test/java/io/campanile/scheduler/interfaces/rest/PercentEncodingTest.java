package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void well_encoded_paths_and_queries_pass() {
        assertThat(PercentEncoding.problem("/campanile/api/admin/apps/caf%C3%A9/jobs"))
                .isNull();
        assertThat(PercentEncoding.problem("limit=10&x=%20")).isNull();
        assertThat(PercentEncoding.problem(null)).isNull();
    }

    @Test
    void a_percent_without_two_hex_digits_is_named() {
        assertThat(PercentEncoding.problem("/api/%ZZ"))
                .isEqualTo("'%' must be followed by two hex digits (at position 5)");
        assertThat(PercentEncoding.problem("/api/%4")).startsWith("'%' must be followed by two hex digits");
    }

    @Test
    void encoded_bytes_that_are_not_utf8_are_refused() {
        assertThat(PercentEncoding.problem("limit=%FF")).isEqualTo("its percent-encoded bytes are not UTF-8");
    }
}
