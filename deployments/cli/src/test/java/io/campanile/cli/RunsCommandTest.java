package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RunsCommandTest extends CommandTestBase {

    @Test
    void runs_resolves_the_job_name_and_sends_count_runs_with_numbered_request_ids() {
        server.on("GET", "api/v1/apps/billing/jobs/nightly", 200, Fixtures.job(7, "nightly", true))
                .on(
                        "POST",
                        "api/v1/apps/billing/jobs/7/runs",
                        201,
                        """
                        {"created":2,"existing":1,"instanceIds":[40,41,42]}""");

        CliRun run = run(
                "runs", "billing", "nightly", "--count", "3", "--param", "{\"day\":3}", "--request-id-prefix", "dec");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("created 2 runs (1 existed already): 40,41,42\n");
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        JsonArray runs = Json.createReader(new StringReader(server.lastRequest().body()))
                .readObject()
                .getJsonArray("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.getValuesAs(JsonObject.class))
                .extracting(sent -> sent.getString("requestId"))
                .containsExactly("dec-1", "dec-2", "dec-3");
        assertThat(runs.getJsonObject(0).getString("parameters")).isEqualTo("{\"day\":3}");
    }

    @Test
    void runs_by_id_without_a_prefix_sends_empty_runs_and_prints_json() {
        server.on(
                "POST",
                "api/v1/apps/billing/jobs/7/runs",
                201,
                """
                {"created":2,"existing":0,"instanceIds":[40,41]}""");

        CliRun run = run("runs", "billing", "7", "--count", "2", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().body()).isEqualTo("{\"runs\":[{},{}]}");
        JsonObject printed = Json.createReader(new StringReader(run.out())).readObject();
        assertThat(printed.getJsonArray("instanceIds").toString()).isEqualTo("[40,41]");
    }

    @Test
    void runs_refuses_a_count_out_of_range_before_sending_anything() {
        CliRun none = run("runs", "billing", "7", "--count", "0");
        CliRun tooMany = run("runs", "billing", "7", "--count", "10001");
        CliRun missing = run("runs", "billing", "7");

        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--count must be 1 to 10000, not 0");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void runs_of_a_deleted_job_is_the_servers_409() {
        server.on(
                "POST",
                "api/v1/apps/billing/jobs/7/runs",
                409,
                Fixtures.error(409, "conflict", null, "job 7 was deleted"));

        CliRun run = run("runs", "billing", "7", "--count", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).isEqualTo("campanile: 409 conflict: job 7 was deleted\n");
    }
}
