package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.campanile.api.admin.ErrorView;
import io.campanile.api.admin.RunRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

    private final StrictJsonReader reader = new StrictJsonReader();

    @Test
    void reads_the_api_records_only() {
        assertThat(reader.isReadable(RunRequest.class, RunRequest.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(reader.isReadable(ErrorView.class, ErrorView.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        record Foreign(String x) {}
        assertThat(reader.isReadable(Foreign.class, Foreign.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
    }

    @Test
    void media_type_names_are_matched_without_regard_to_case() throws IOException {
        assertThat(read("{\"requestId\": \"r\"}", MediaType.valueOf("APPLICATION/JSON; charset=UTF-8")))
                .isEqualTo(new RunRequest(null, null, "r"));
    }

    @Test
    void a_charset_other_than_utf8_is_refused_with_415() {
        assertThat(refusal("{}", MediaType.valueOf("application/json; charset=latin1")))
                .isEqualTo(ErrorView.of(415, "send the body in UTF-8 (charset=utf-8), not charset 'latin1'", null));
        assertThat(refusal("{}", MediaType.TEXT_PLAIN_TYPE).status()).isEqualTo(415);
    }

    @Test
    void no_body_at_all_is_no_record_whatever_its_media_type() throws IOException {
        assertThat(read("", MediaType.APPLICATION_OCTET_STREAM_TYPE)).isNull();
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_with_400() {
        byte[] latin1 = "{\"requestId\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refusal(latin1, MediaType.APPLICATION_JSON_TYPE))
                .isEqualTo(ErrorView.of(400, "body: is not valid UTF-8", "body"));
    }

    @Test
    void a_body_past_the_limit_is_refused_with_413_even_without_a_content_length() {
        String big = "{\"parameters\": \"" + "x".repeat(StrictJsonReader.MAX_BODY_BYTES) + "\"}";

        assertThat(refusal(big, MediaType.APPLICATION_JSON_TYPE).status()).isEqualTo(413);
    }

    @Test
    void a_bad_value_is_refused_with_400_naming_its_path() {
        assertThat(refusal("{\"delaySeconds\": 1.5}", MediaType.APPLICATION_JSON_TYPE))
                .isEqualTo(ErrorView.of(400, "delaySeconds: must be a whole number, not 1.5", "delaySeconds"));
        assertThat(refusal("{\"requestId\": \"r\"} x", MediaType.APPLICATION_JSON_TYPE)
                        .message())
                .startsWith("body: is not valid JSON at line 1, column ");
    }

    private RunRequest read(String body, MediaType type) throws IOException {
        return (RunRequest) readBytes(body.getBytes(StandardCharsets.UTF_8), type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Record readBytes(byte[] body, MediaType type) throws IOException {
        Class raw = RunRequest.class;
        return reader.readFrom(raw, raw, null, type, null, new ByteArrayInputStream(body));
    }

    private ErrorView refusal(String body, MediaType type) {
        return refusal(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private ErrorView refusal(byte[] body, MediaType type) {
        WebApplicationException e = catchThrowableOfType(WebApplicationException.class, () -> readBytes(body, type));
        assertThat(e).as("refused").isNotNull();
        return (ErrorView) e.getResponse().getEntity();
    }
}
