package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JobsBulkCommandTest extends CommandTestBase {

    private static final String PAUSED =
            """
            {"action":"PAUSE","changed":2,"unchanged":1,"jobs":[{"id":7,"name":"nightly","change":"PAUSED"},\
            {"id":8,"name":"weekly","change":"UNCHANGED"},{"id":9,"name":"monthly","change":"PAUSED"}]}""";

    @Test
    void bulk_pause_sends_ids_names_and_note_and_prints_each_jobs_change() {
        server.on("POST", "api/v1/apps/billing/jobs/bulk", 200, PAUSED);

        CliRun run = run("jobs", "bulk", "billing", "pause", "--id", "7,8", "--name", "monthly", "--note", "month end");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        JsonObject sent =
                Json.createReader(new StringReader(server.lastRequest().body())).readObject();
        assertThat(sent.getString("action")).isEqualTo("PAUSE");
        assertThat(sent.getJsonArray("ids").toString()).isEqualTo("[7,8]");
        assertThat(sent.getJsonArray("names").toString()).isEqualTo("[\"monthly\"]");
        assertThat(sent.getString("note")).isEqualTo("month end");
        assertThat(run.out())
                .isEqualTo(
                        """
                        PAUSE: changed 2, unchanged 1
                        ID  NAME     CHANGE
                        7   nightly  PAUSED
                        8   weekly   UNCHANGED
                        9   monthly  PAUSED
                        """);
    }

    @Test
    void bulk_resume_by_repeated_names_prints_the_answer_as_json() {
        server.on(
                "POST",
                "api/v1/apps/billing/jobs/bulk",
                200,
                """
                {"action":"RESUME","changed":1,"unchanged":0,"jobs":[{"id":7,"name":"nightly","change":"RESUMED"}]}""");

        CliRun run = run("jobs", "bulk", "billing", "RESUME", "--name", "nightly", "--name", "weekly", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().body()).isEqualTo("{\"action\":\"RESUME\",\"names\":[\"nightly\",\"weekly\"]}");
        JsonObject printed = Json.createReader(new StringReader(run.out())).readObject();
        assertThat(printed.getInt("changed")).isEqualTo(1);
        assertThat(printed.getJsonArray("jobs").getJsonObject(0).getString("change"))
                .isEqualTo("RESUMED");
    }

    @Test
    void bulk_needs_jobs_and_a_known_action_before_sending_anything() {
        CliRun noJobs = run("jobs", "bulk", "billing", "delete");
        CliRun badAction = run("jobs", "bulk", "billing", "stop", "--id", "7");

        assertThat(noJobs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noJobs.err()).contains("name the jobs with --id and/or --name");
        assertThat(badAction.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badAction.err()).contains("PAUSE, RESUME, DELETE");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void bulk_refused_for_an_unknown_job_exits_3_naming_it() {
        server.on(
                "POST",
                "api/v1/apps/billing/jobs/bulk",
                404,
                Fixtures.error(404, "not_found", "names[0]", "names[0]: no live job named 'nope'"));

        CliRun run = run("jobs", "bulk", "billing", "delete", "--name", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err())
                .isEqualTo("campanile: 404 not_found (field names[0]): names[0]: no live job named 'nope'\n");
        assertThat(run.out()).isEmpty();
    }
}
