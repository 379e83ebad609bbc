package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppsCommandTest extends CommandTestBase {

    private static final String ROTATED =
            """
            {"app":"billing","rotatedAt":"2026-12-01T12:00:00.25Z","previousValidUntil":"2026-12-01T12:30:00.25Z"}""";

    @Test
    void rotate_secret_sends_secret_and_grace_and_never_prints_the_secret() {
        server.on("POST", "api/v1/apps/billing/secret", 200, ROTATED);

        CliRun run = run("apps", "rotate-secret", "billing", "--secret", "the-new-secret", "--grace", "PT30M");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        JsonObject sent =
                Json.createReader(new StringReader(server.lastRequest().body())).readObject();
        assertThat(sent.getString("secret")).isEqualTo("the-new-secret");
        assertThat(sent.getString("grace")).isEqualTo("PT30M");
        assertThat(run.out())
                .isEqualTo(
                        """
                        app:                         billing
                        rotated at:                  2026-12-01T12:00:00Z
                        previous secret valid until: 2026-12-01T12:30:00Z
                        """);
        assertThat(run.out() + run.err()).doesNotContain("the-new-secret");
    }

    @Test
    void rotate_secret_without_grace_leaves_the_servers_default_and_prints_json() {
        server.on("POST", "api/v1/apps/billing/secret", 200, ROTATED);

        CliRun run = run("apps", "rotate-secret", "billing", "--secret", "the-new-secret", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().body()).isEqualTo("{\"secret\":\"the-new-secret\"}");
        JsonObject printed = Json.createReader(new StringReader(run.out())).readObject();
        assertThat(Instant.parse(printed.getString("previousValidUntil")))
                .isEqualTo(Instant.parse("2026-12-01T12:30:00.25Z"));
        assertThat(run.out()).doesNotContain("the-new-secret");
    }

    @Test
    void rotate_secret_refuses_a_grace_that_is_no_duration_and_the_server_refuses_a_short_secret() {
        server.on(
                "POST",
                "api/v1/apps/billing/secret",
                400,
                Fixtures.error(400, "invalid_field", "secret", "secret: 8-200 characters"));

        CliRun badGrace = run("apps", "rotate-secret", "billing", "--secret", "the-new-secret", "--grace", "1h");
        CliRun shortSecret = run("apps", "rotate-secret", "billing", "--secret", "short");

        assertThat(badGrace.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badGrace.err()).contains("--grace");
        assertThat(shortSecret.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(shortSecret.err())
                .isEqualTo("campanile: 400 invalid_field (field secret): secret: 8-200 characters\n");
        assertThat(server.requests()).hasSize(1);
    }
}
