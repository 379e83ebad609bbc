package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {

    @TempDir
    Path home;

    @Test
    void option_beats_environment_beats_default_file() throws IOException {
        writeDefaultConfig("url=http://file:1/campanile\ntoken=file-token\n");
        CliEnvironment environment = new CliEnvironment(
                Map.of("CAMPANILE_URL", "http://env:2/campanile", "CAMPANILE_TOKEN", "env-token"), home);

        assertThat(ServerSettings.resolve("http://option:3/campanile", null, null, environment))
                .isEqualTo(new ServerSettings(URI.create("http://option:3/campanile"), "env-token"));
        assertThat(ServerSettings.resolve(null, "option-token", null, environment))
                .isEqualTo(new ServerSettings(URI.create("http://env:2/campanile"), "option-token"));
        assertThat(ServerSettings.resolve(null, null, null, new CliEnvironment(Map.of(), home)))
                .isEqualTo(new ServerSettings(URI.create("http://file:1/campanile"), "file-token"));
    }

    @Test
    void each_setting_comes_from_the_first_place_that_has_it() throws IOException {
        writeDefaultConfig("url=http://file:1/campanile\ntoken=file-token\n");
        CliEnvironment environment =
                new CliEnvironment(Map.of("CAMPANILE_TOKEN", "env-token", "CAMPANILE_URL", " "), home);

        assertThat(ServerSettings.resolve(null, null, null, environment))
                .isEqualTo(new ServerSettings(URI.create("http://file:1/campanile"), "env-token"));
    }

    @Test
    void config_option_replaces_the_default_file() throws IOException {
        writeDefaultConfig("url=http://default:1/campanile\ntoken=default-token\n");
        Path other = Files.writeString(home.resolve("other.properties"), "url=https://other/campanile\ntoken=other\n");

        assertThat(ServerSettings.resolve(null, null, other, new CliEnvironment(Map.of(), home)))
                .isEqualTo(new ServerSettings(URI.create("https://other/campanile"), "other"));
    }

    @Test
    void missing_config_option_file_is_a_usage_error_but_a_missing_default_file_is_not() {
        CliEnvironment environment = new CliEnvironment(Map.of(), home);

        assertThatThrownBy(() -> ServerSettings.resolve("http://x/c", "t", home.resolve("absent"), environment))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("does not exist");
        assertThat(ServerSettings.resolve("http://x/c", "t", null, environment).url())
                .isEqualTo(URI.create("http://x/c"));
    }

    @Test
    void missing_url_or_token_says_where_to_put_it() {
        CliEnvironment environment = new CliEnvironment(Map.of(), home);

        assertThatThrownBy(() -> ServerSettings.resolve(null, "t", null, environment))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("--url")
                .hasMessageContaining("CAMPANILE_URL");
        assertThatThrownBy(() -> ServerSettings.resolve("http://x/c", null, null, environment))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("CAMPANILE_TOKEN");
    }

    @Test
    void url_must_be_http_and_the_token_never_shows() {
        CliEnvironment environment = new CliEnvironment(Map.of(), home);

        assertThatThrownBy(() -> ServerSettings.resolve("ftp://x/c", "t", null, environment))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("not an http or https URL");
        assertThat(ServerSettings.resolve("http://x/c", "very-secret", null, environment)
                        .toString())
                .doesNotContain("very-secret");
    }

    private void writeDefaultConfig(String text) throws IOException {
        Path file = ServerSettings.defaultConfigFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
