package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsAndOptionsTest extends CommandTestBase {

    @Test
    void a_refusal_prints_status_code_field_and_message_and_exits_3() {
        server.on(
                "POST",
                "api/v1/apps/billing/jobs/nightly/pause",
                400,
                Fixtures.error(400, "invalid_field", "note", "note: at most 1000 characters"));

        CliRun run = run("jobs", "pause", "billing", "nightly", "--note", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).isEqualTo("campanile: 400 invalid_field (field note): note: at most 1000 characters\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_unknown_job_is_a_404_refusal() {
        CliRun run = run("jobs", "show", "billing", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).startsWith("campanile: 404 not_found: ");
    }

    @Test
    void a_server_failure_exits_4_and_a_wrong_token_never_shows_the_token() {
        server.on("GET", "api/v1/cluster", 503, Fixtures.error(503, "unavailable", null, "owner unreachable"))
                .on("GET", "api/v1/servers", 401, Fixtures.error(401, "unauthorized", null, "missing or wrong token"));

        CliRun failed = run("cluster");
        CliRun unauthorized = run("servers");

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.SERVER);
        assertThat(failed.err()).isEqualTo("campanile: 503 unavailable: owner unreachable\n");
        assertThat(unauthorized.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unauthorized.err() + unauthorized.out()).doesNotContain(Fixtures.TOKEN);
    }

    @Test
    void an_unreachable_server_exits_4() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.of(
                Map.of(),
                home,
                "--url",
                "http://127.0.0.1:" + closedPort + "/campanile",
                "--token",
                Fixtures.TOKEN,
                "servers");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVER);
        assertThat(run.err())
                .startsWith("campanile: no answer from http://127.0.0.1:" + closedPort + "/campanile: ")
                .doesNotContain(Fixtures.TOKEN);
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("jobs", "show", "billing").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("jobs").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noUrl = CliRun.of(Map.of(), home, "servers");
        assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noUrl.err()).contains("no server URL");
        CliRun badFile =
                run("jobs", "create", "billing", home.resolve("absent.json").toString());
        assertThat(badFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFile.err()).contains("cannot read");
    }

    @Test
    void every_command_has_help() {
        for (String[] command : new String[][] {
            {"--help"}, {"apps", "create", "--help"}, {"jobs", "edit", "--help"}, {"run", "--help"},
            {"instances", "list", "--help"}, {"logs", "--help"}, {"cluster", "--help"}, {"workers", "--help"},
            {"tokens", "create", "--help"}, {"audit", "--help"}, {"jobs", "bulk", "--help"}, {"runs", "--help"},
            {"apps", "rotate-secret", "--help"}
        }) {
            CliRun run = run(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).startsWith("Usage: campanile").contains("Exit codes:");
        }
    }

    @Test
    void global_options_go_before_or_after_the_command_and_beat_the_config_file() throws IOException {
        server.on(
                "GET",
                "api/v1/servers",
                200,
                """
                [{"id":"srv-1","url":"http://127.0.0.1:8080/campanile","startedAt":"2026-12-01T10:00:00Z",
                  "lastHeartbeat":"2026-12-01T11:00:00Z","alive":true}]""");
        Path config = Files.writeString(home.resolve("cli.properties"), "url=http://127.0.0.1:1/nothing\ntoken=file\n");

        CliRun before = CliRun.of(Map.of(), home, "--config", config.toString(), "--url", server.url(), "servers");
        CliRun after =
                CliRun.of(Map.of(), home, "servers", "--config", config.toString(), "--url", server.url(), "--json");

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.out()).contains("srv-1  http://127.0.0.1:8080/campanile  yes");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).contains("\"alive\": true");
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer file");
    }
}
