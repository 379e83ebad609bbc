package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogsCommandTest extends CommandTestBase {

    @Test
    void follow_asks_from_the_last_line_until_the_attempt_ended() {
        server.on(
                        "GET",
                        "api/v1/apps/billing/instances/42/logs",
                        200,
                        Fixtures.logPage(2, 2, "RUNNING", false, "a", "b"))
                .on("GET", "api/v1/apps/billing/instances/42/logs", 200, Fixtures.logPage(2, 2, "RUNNING", false))
                .on("GET", "api/v1/apps/billing/instances/42/logs", 200, Fixtures.logPage(2, 3, "SUCCEEDED", true, "c"))
                .on("GET", "api/v1/apps/billing/instances/42/logs", 200, Fixtures.logPage(2, 3, "SUCCEEDED", true));

        CliRun run = run("logs", "billing", "42", "--follow", "--poll-millis", "10");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        2026-12-01T11:00:00Z INFO a
                        2026-12-01T11:00:01Z INFO b
                        2026-12-01T11:00:00Z INFO c
                        """);
        assertThat(run.err()).contains("attempt 2: SUCCEEDED (ended)");
        assertThat(server.requests()).hasSize(4);
        assertThat(server.requests().get(0).uri()).contains("after=0").doesNotContain("attempt=");
        assertThat(server.requests().get(1).uri()).contains("after=2").contains("attempt=2");
        assertThat(server.requests().get(3).uri()).contains("after=3").contains("attempt=2");
    }

    @Test
    void without_follow_it_prints_what_there_is_as_json_lines() {
        server.on(
                "GET",
                "api/v1/apps/billing/instances/42/logs",
                200,
                Fixtures.logPage(1, 2, "RUNNING", false, "a", "b"));

        CliRun run = run("logs", "billing", "42", "--attempt", "1", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"at\":").contains("\"instanceId\":42"));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().uri()).contains("attempt=1");
    }
}
