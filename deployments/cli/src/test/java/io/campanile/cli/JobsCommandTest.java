package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobsCommandTest extends CommandTestBase {

    @Test
    void apps_list_prints_a_table_with_the_admin_token_sent() {
        server.on(
                "GET",
                "api/v1/apps",
                200,
                """
                {"items":[{"name":"billing","createdAt":"2026-12-01T10:00:00.5Z","ownerId":"srv-1","epoch":4},
                 {"name":"reports","createdAt":"2026-12-01T10:01:00Z"}],"total":2}""");

        CliRun run = run("apps", "list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        NAME     CREATED               OWNER  EPOCH
                        billing  2026-12-01T10:00:00Z  srv-1  4
                        reports  2026-12-01T10:01:00Z  -      -
                        """);
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    }

    @Test
    void jobs_list_follows_every_page_and_prints_json_with_the_flag() {
        server.on(
                        "GET",
                        "api/v1/apps/billing/jobs",
                        200,
                        "{\"items\":[" + Fixtures.job(7, "nightly", true) + "],\"next\":\"c1\",\"total\":2}")
                .on(
                        "GET",
                        "api/v1/apps/billing/jobs",
                        200,
                        "{\"items\":[" + Fixtures.job(8, "weekly", false) + "],\"total\":2}");

        CliRun run = run("jobs", "list", "billing", "--enabled", "false", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Json.createReader(new StringReader(run.out())).readArray())
                .extracting(value -> value.asJsonObject().getString("name"))
                .containsExactly("nightly", "weekly");
        assertThat(server.requests().get(0).uri()).contains("enabled=false").doesNotContain("cursor");
        assertThat(server.requests().get(1).uri()).contains("cursor=c1").contains("enabled=false");
    }

    @Test
    void jobs_list_table_shows_the_schedule_and_paused_jobs() {
        server.on(
                "GET",
                "api/v1/apps/billing/jobs",
                200,
                "{\"items\":[" + Fixtures.job(7, "nightly", true) + "," + Fixtures.job(8, "weekly", false)
                        + "],\"total\":2}");

        CliRun run = run("jobs", "list", "billing");

        assertThat(run.out())
                .contains("ID  NAME     TYPE  SCHEDULE     ENABLED  NEXT FIRE             PROCESSOR")
                .contains("7   nightly  CRON  0 0 2 * * *  yes      2026-12-02T02:00:00Z  invoice")
                .contains("8   weekly   CRON  0 0 2 * * *  paused");
    }

    @Test
    void jobs_export_prints_the_document_that_jobs_import_sends_back() throws IOException {
        String document =
                """
                {"formatVersion":1,"app":"billing","exportedAt":"2026-12-01T10:00:00Z",\
                "jobs":[{"name":"nightly","processor":"invoice","scheduleType":"CRON","cron":"0 0 2 * * *",\
                "parameters":"{\\"day\\":3}"}]}""";
        server.on("GET", "api/v1/apps/billing/jobs/export", 200, document);
        server.on(
                "POST",
                "api/v1/apps/reports/jobs/import",
                201,
                """
                {"created":1,"updated":0,"unchanged":0,"deleted":0,\
                "jobs":[{"id":12,"name":"nightly","change":"CREATED"}]}""");

        CliRun exported = run("jobs", "export", "billing");
        Path file = Files.writeString(home.resolve("jobs.json"), exported.out());
        CliRun imported = run("jobs", "import", "reports", file.toString(), "--delete-missing");

        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out())
                .startsWith("created 1, updated 0, unchanged 0, deleted 0")
                .contains("CREATED");
        assertThat(server.lastRequest().uri()).endsWith("import?deleteMissing=true");
        JsonObject sent =
                Json.createReader(new StringReader(server.lastRequest().body())).readObject();
        assertThat(sent.getInt("formatVersion")).isEqualTo(1);
        assertThat(sent.getJsonArray("jobs").getJsonObject(0).getString("parameters"))
                .isEqualTo("{\"day\":3}");
    }

    @Test
    void jobs_import_refuses_a_file_that_is_no_export_before_sending_anything() throws IOException {
        Path file = Files.writeString(home.resolve("jobs.json"), "{\"name\":\"nightly\"}");

        CliRun run = run("jobs", "import", "reports", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is not a document of 'jobs export'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void jobs_create_sends_the_file_with_object_parameters_as_their_json_text() throws IOException {
        server.on("POST", "api/v1/apps/billing/jobs", 201, Fixtures.job(7, "nightly", true));
        Path file = Files.writeString(
                home.resolve("job.json"),
                """
                {"name":"nightly","processor":"invoice","cron":"0 0 2 * * *","parameters":{"day":3}}""");

        CliRun run = run("jobs", "create", "billing", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("name:").contains("nightly").contains("revision:");
        JsonObject sent =
                Json.createReader(new StringReader(server.lastRequest().body())).readObject();
        assertThat(sent.getString("name")).isEqualTo("nightly");
        assertThat(sent.getString("parameters")).isEqualTo("{\"day\":3}");
    }

    @Test
    void jobs_edit_sends_the_revision_as_if_match_and_ignores_read_only_fields() throws IOException {
        server.on("PUT", "api/v1/apps/billing/jobs/nightly", 200, Fixtures.job(7, "nightly", true));
        Path file = Files.writeString(home.resolve("job.json"), Fixtures.job(7, "nightly", true));

        CliRun run = run("jobs", "edit", "billing", "nightly", file.toString(), "--revision", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().header("If-Match")).isEqualTo("\"3\"");
        assertThat(server.lastRequest().body()).doesNotContain("revision").doesNotContain("nextFireTime");
    }

    @Test
    void jobs_pause_sends_the_note_and_run_resolves_the_job_name_to_its_id() {
        server.on("POST", "api/v1/apps/billing/jobs/nightly/pause", 200, Fixtures.job(7, "nightly", false))
                .on("GET", "api/v1/apps/billing/jobs/nightly", 200, Fixtures.job(7, "nightly", true))
                .on("POST", "api/v1/apps/billing/jobs/7/run", 201, Fixtures.instance(42, "WAITING"));

        CliRun pause = run("jobs", "pause", "billing", "nightly", "--note", "month end");
        String pauseBody = server.lastRequest().body();
        CliRun started = run("run", "billing", "nightly", "--param", "{\"day\":3}", "--at", "2026-12-01T12:00:00Z");

        assertThat(pause.exitCode()).as(pause.toString()).isZero();
        assertThat(pauseBody).contains("\"note\":\"month end\"");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).contains("42").contains("WAITING");
        assertThat(server.lastRequest().body())
                .contains("\"at\":\"2026-12-01T12:00:00Z\"")
                .contains("\"parameters\":\"{\\\"day\\\":3}\"");
    }

    @Test
    void jobs_fires_prints_the_preview() {
        server.on(
                "GET",
                "api/v1/apps/billing/jobs/7/fires",
                200,
                """
                {"timeZone":"Europe/Paris","fires":[{"at":"2026-12-02T01:00:00Z","local":"2026-12-02T02:00+01:00"}]}""");

        CliRun run = run("jobs", "fires", "billing", "7", "--count", "1");

        assertThat(run.out())
                .isEqualTo(
                        """
                        AT (UTC)              LOCAL (Europe/Paris)    SKIPPED
                        2026-12-02T01:00:00Z  2026-12-02T02:00+01:00  -
                        """);
        assertThat(server.lastRequest().uri()).endsWith("count=1");
    }

    @Test
    void jobs_backfill_sends_the_range_and_show_reads_retry_and_routing_in_words() {
        server.on(
                        "POST",
                        "api/v1/apps/billing/jobs/nightly/backfill",
                        201,
                        """
                        {"created":2,"existing":1,"instanceIds":[5,6,7]}""")
                .on(
                        "GET",
                        "api/v1/apps/billing/jobs/7",
                        200,
                        Fixtures.job(7, "nightly", true)
                                .replace(
                                        "\"logsLocal\"",
                                        "\"retry\":{\"maxAttempts\":3,\"backoff\":\"PT1S\","
                                                + "\"maxBackoff\":\"PT5M\",\"jitter\":0.1},\"routing\":{\"strategy\":\"RANDOM\","
                                                + "\"tags\":[\"gpu\"]},\"logsLocal\""));

        CliRun backfill = run(
                "jobs",
                "backfill",
                "billing",
                "nightly",
                "--from",
                "2026-11-01T00:00:00Z",
                "--to",
                "2026-11-03T00:00:00Z");
        String sent = server.lastRequest().body();
        CliRun show = run("jobs", "show", "billing", "7");

        assertThat(backfill.out()).isEqualTo("created 2 runs (1 existed already): 5,6,7\n");
        assertThat(sent).contains("\"from\":\"2026-11-01T00:00:00Z\"").contains("\"to\":\"2026-11-03T00:00:00Z\"");
        assertThat(show.out())
                .contains("3 attempts, backoff PT1S up to PT5M, jitter 0.1")
                .contains("RANDOM, tags gpu");
    }
}
