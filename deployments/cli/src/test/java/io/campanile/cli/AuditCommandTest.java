package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AuditCommandTest extends CommandTestBase {

    @Test
    void one_page_passes_the_filters_and_tells_the_next_cursor() {
        server.on(
                "GET",
                "api/v1/audit",
                200,
                "{\"items\":[" + Fixtures.auditEntry(2, "ci", "job.pause", 403, true) + ","
                        + Fixtures.auditEntry(1, "bootstrap", "job.pause", 200, false)
                        + "],\"next\":\"c1\",\"total\":5}");

        CliRun run = run(
                "audit",
                "--app",
                "billing",
                "--actor",
                "ci",
                "--from",
                "2026-12-01T00:00:00Z",
                "--to",
                "2026-12-02T00:00:00Z",
                "--limit",
                "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().method()).isEqualTo("GET");
        assertThat(server.lastRequest().uri())
                .startsWith("/campanile/api/v1/audit?")
                .contains("app=billing")
                .contains("actor=ci")
                .contains("from=2026-12-01T00%3A00%3A00Z")
                .contains("to=2026-12-02T00%3A00%3A00Z")
                .contains("limit=2")
                .doesNotContain("cursor");
        assertThat(run.out())
                .isEqualTo(
                        """
                        TIME                  ACTOR      ACTION     METHOD  PATH                          STATUS  DENIED
                        2026-12-01T12:00:02Z  ci         job.pause  POST    v1/apps/billing/jobs/7/pause  403     yes
                        2026-12-01T12:00:01Z  bootstrap  job.pause  POST    v1/apps/billing/jobs/7/pause  200     no
                        2 of 5 entries; next page: --cursor c1
                        """);
    }

    @Test
    void cursor_asks_for_the_page_after_and_json_prints_the_page() {
        server.on(
                "GET",
                "api/v1/audit",
                200,
                "{\"items\":[" + Fixtures.auditEntry(1, "bootstrap", "job.pause", 200, false) + "],\"total\":5}");

        CliRun run = run("audit", "--cursor", "c1", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().uri()).endsWith("audit?cursor=c1");
        JsonObject page = Json.createReader(new StringReader(run.out())).readObject();
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(5);
        assertThat(page.containsKey("next")).isFalse();
        JsonObject entry = page.getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("action")).isEqualTo("job.pause");
        assertThat(entry.getJsonObject("after").getBoolean("enabled")).isFalse();
    }

    @Test
    void all_reads_every_page_into_one_table() {
        twoPages();

        CliRun run = run("audit", "--all", "--actor", "ci");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("job.pause").contains("token.create").doesNotContain("next page");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).uri()).contains("actor=ci").contains("cursor=c1");
    }

    @Test
    void all_with_json_prints_one_array_of_the_entries() {
        twoPages();

        CliRun run = run("audit", "--all", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonArray entries = Json.createReader(new StringReader(run.out())).readArray();
        assertThat(entries)
                .extracting(value -> value.asJsonObject().getString("actor"))
                .containsExactly("ci", "bootstrap");
    }

    @Test
    void all_and_cursor_exclude_each_other() {
        CliRun run = run("audit", "--all", "--cursor", "c1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--all and --cursor exclude each other");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_bad_cursor_is_the_servers_400() {
        server.on(
                "GET",
                "api/v1/audit",
                400,
                Fixtures.error(400, "invalid_field", "cursor", "cursor: 'x' is not a cursor of this listing"));

        CliRun run = run("audit", "--cursor", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).startsWith("campanile: 400 invalid_field (field cursor): ");
    }

    private void twoPages() {
        server.on(
                        "GET",
                        "api/v1/audit",
                        200,
                        "{\"items\":[" + Fixtures.auditEntry(2, "ci", "job.pause", 403, true)
                                + "],\"next\":\"c1\",\"total\":2}")
                .on(
                        "GET",
                        "api/v1/audit",
                        200,
                        "{\"items\":[" + Fixtures.auditEntry(1, "bootstrap", "token.create", 201, false)
                                + "],\"total\":2}");
    }
}
