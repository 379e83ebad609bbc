package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class InstancesCommandTest extends CommandTestBase {

    @Test
    void list_passes_the_filters_and_tells_the_next_cursor() {
        server.on(
                "GET",
                "api/v1/apps/billing/instances",
                200,
                "{\"items\":[" + Fixtures.instance(42, "FAILED") + "],\"next\":\"abc\",\"total\":12}");

        CliRun run = run(
                "instances",
                "list",
                "billing",
                "--job",
                "nightly",
                "--state",
                "FAILED,TIMED_OUT",
                "--from",
                "2026-12-01T00:00:00Z",
                "--worker",
                "w-1",
                "--limit",
                "1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().uri())
                .contains("job=nightly")
                .contains("state=FAILED")
                .contains("state=TIMED_OUT")
                .contains("from=2026-12-01T00%3A00%3A00Z")
                .contains("worker=w-1")
                .contains("limit=1");
        assertThat(run.out())
                .contains("ID  JOB      STATE   ATTEMPT  FIRE TIME             TRIGGER  WORKER  RESULT")
                .contains("42  nightly  FAILED  1        2026-12-01T11:00:00Z  API      w-1     done")
                .endsWith("1 of 12 instances; next page: --cursor abc\n");
    }

    @Test
    void list_all_reads_every_page_into_one_json_array() {
        server.on(
                        "GET",
                        "api/v1/apps/billing/instances",
                        200,
                        "{\"items\":[" + Fixtures.instance(42, "FAILED") + "],\"next\":\"abc\",\"total\":2}")
                .on(
                        "GET",
                        "api/v1/apps/billing/instances",
                        200,
                        "{\"items\":[" + Fixtures.instance(41, "SUCCEEDED") + "],\"total\":2}");

        CliRun run = run("instances", "list", "billing", "--all", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Json.createReader(new StringReader(run.out())).readArray()).hasSize(2);
        assertThat(server.requests().get(1).uri()).contains("cursor=abc");
    }

    @Test
    void list_refuses_all_together_with_a_cursor() {
        CliRun run = run("instances", "list", "billing", "--all", "--cursor", "abc");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--all and --cursor exclude each other");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void show_prints_the_history_and_stop_sends_the_note() {
        server.on(
                        "GET",
                        "api/v1/apps/billing/instances/42",
                        200,
                        "{\"instance\":" + Fixtures.instance(42, "RUNNING")
                                + ",\"earlierAttempts\":[],\"history\":[{\"at\":\"2026-12-01T11:00:00Z\",\"attempt\":1,"
                                + "\"state\":\"WAITING\",\"cause\":\"CREATED\",\"epoch\":2}]}")
                .on("POST", "api/v1/apps/billing/instances/42/stop", 200, Fixtures.instance(42, "CANCELLED"));

        CliRun show = run("instances", "show", "billing", "42");
        CliRun stop = run("instances", "stop", "billing", "42", "--note", "wrong day");

        assertThat(show.out())
                .contains("state:")
                .contains("RUNNING")
                .contains("History:")
                .contains("CREATED");
        assertThat(stop.out()).contains("CANCELLED");
        assertThat(server.lastRequest().body()).isEqualTo("{\"note\":\"wrong day\"}");
    }
}
