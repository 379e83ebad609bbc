package io.campanile.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private final Map<String, String> values =
            new HashMap<>(Map.of("campanile.app", "demo", "campanile.app.secret", "s3cret-value"));

    private WorkerSettings read() throws InvalidSettingException {
        return new SettingsReader(key -> Optional.ofNullable(values.get(key)), () -> "host-a").read();
    }

    @Test
    void applies_defaults_when_only_app_and_secret_are_set() throws Exception {
        WorkerSettings settings = read();

        assertThat(settings.servers()).containsExactly(URI.create("http://127.0.0.1:8080/campanile"));
        assertThat(settings.capacity()).isEqualTo(8);
        assertThat(settings.prefetch()).as("twice the capacity").isEqualTo(16);
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofMillis(1000));
        assertThat(settings.discoveryInterval()).isEqualTo(Duration.ofMillis(5000));
        assertThat(settings.timeouts().heartbeatRead()).isEqualTo(Duration.ofMillis(1000));
        assertThat(settings.timeouts().read())
                .as("discovery waits longer than a server's 1 s PING of the recorded owner")
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(settings.workerId()).matches("host-a-[0-9a-f]{4}");
    }

    @Test
    void reads_tags_from_a_comma_separated_list_and_refuses_a_malformed_one() throws Exception {
        assertThat(read().tags()).as("none by default").isEmpty();
        values.put("campanile.worker.tags", " gpu, eu-west ,,gpu ");
        assertThat(read().tags()).containsExactly("gpu", "eu-west");

        values.put("campanile.worker.tags", "gpu, big disk");
        assertThatThrownBy(this::read)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("campanile.worker.tags holds 'big disk'");
    }

    @Test
    void missing_app_is_an_error_naming_the_key_and_its_environment_variable() {
        values.remove("campanile.app");

        assertThatThrownBy(this::read)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("campanile.app is required")
                .hasMessageContaining("CAMPANILE_APP")
                .extracting(e -> ((InvalidSettingException) e).key())
                .isEqualTo("campanile.app");
    }

    @Test
    void blank_secret_counts_as_missing() {
        values.put("campanile.app.secret", "  ");

        assertThatThrownBy(this::read)
                .hasMessageContaining("campanile.app.secret is required")
                .hasMessageContaining("CAMPANILE_APP_SECRET");
    }

    @Test
    void reads_a_comma_separated_server_list_without_trailing_slashes() throws Exception {
        values.put("campanile.servers", " http://a:8080/campanile/ ,http://b:8080/campanile,, ");

        assertThat(read().servers())
                .containsExactly(URI.create("http://a:8080/campanile"), URI.create("http://b:8080/campanile"));
    }

    @Test
    void rejects_a_server_that_is_not_an_http_url() {
        values.put("campanile.servers", "a:8080");

        assertThatThrownBy(this::read).hasMessageContaining("campanile.servers").hasMessageContaining("a:8080");
    }

    @Test
    void rejects_a_capacity_that_is_not_a_positive_number() {
        values.put("campanile.worker.capacity", "zero");

        assertThatThrownBy(this::read)
                .hasMessageContaining("campanile.worker.capacity")
                .hasMessageContaining("zero");
    }

    @Test
    void reads_a_prefetch_and_allows_none() throws Exception {
        values.put("campanile.worker.capacity", "4");
        values.put("campanile.worker.prefetch", "0");

        assertThat(read().prefetch()).isZero();
    }

    @Test
    void rejects_a_negative_prefetch() {
        values.put("campanile.worker.prefetch", "-1");

        assertThatThrownBy(this::read)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("campanile.worker.prefetch");
    }

    @Test
    void reads_the_heartbeat_timeout_that_makes_an_owner_silent() throws Exception {
        values.put("campanile.worker.heartbeat-timeout-millis", "600");

        assertThat(read().timeouts().heartbeatRead()).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void never_shows_the_secret() throws Exception {
        assertThat(read().toString()).doesNotContain("s3cret-value").contains("demo");
    }
}
