package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TokensCommandTest extends CommandTestBase {

    private static final String SECRET = "cpt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    @Test
    void create_sends_the_role_and_apps_and_prints_the_secret_saying_it_is_shown_once() {
        server.on(
                "POST",
                "api/v1/tokens",
                201,
                "{\"token\":" + Fixtures.token("ci", "VIEWER", "[\"billing\",\"shop\"]") + ",\"secret\":\"" + SECRET
                        + "\"}");

        CliRun run = run("tokens", "create", "ci", "--role", "viewer", "--app", "billing", "--app", "shop");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        JsonObject sent =
                Json.createReader(new StringReader(server.lastRequest().body())).readObject();
        assertThat(sent.getString("name")).isEqualTo("ci");
        assertThat(sent.getString("role")).isEqualTo("VIEWER");
        assertThat(sent.getJsonArray("apps").toString()).isEqualTo("[\"billing\",\"shop\"]");
        assertThat(run.out())
                .contains("name:    ci")
                .contains("role:    VIEWER")
                .contains("apps:    billing,shop")
                .contains("secret:  " + SECRET)
                .contains("shown only this time");
    }

    @Test
    void create_without_apps_sends_none_and_json_has_the_secret() {
        server.on(
                "POST",
                "api/v1/tokens",
                201,
                "{\"token\":" + Fixtures.token("ops", "OPERATOR", null) + ",\"secret\":\"" + SECRET + "\"}");

        CliRun run = run("tokens", "create", "ops", "--role", "OPERATOR", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.lastRequest().body()).isEqualTo("{\"name\":\"ops\",\"role\":\"OPERATOR\"}");
        JsonObject printed = Json.createReader(new StringReader(run.out())).readObject();
        assertThat(printed.getString("secret")).isEqualTo(SECRET);
        assertThat(printed.getJsonObject("token").getString("role")).isEqualTo("OPERATOR");
    }

    @Test
    void create_needs_a_known_role() {
        CliRun missing = run("tokens", "create", "ci");
        CliRun unknown = run("tokens", "create", "ci", "--role", "root");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--role");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("VIEWER, OPERATOR, ADMIN");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void list_prints_a_table_where_no_apps_means_every_app() {
        server.on(
                "GET",
                "api/v1/tokens",
                200,
                "[" + Fixtures.token("ci", "VIEWER", "[\"billing\"]") + "," + Fixtures.token("ops", "OPERATOR", null)
                        + "]");

        CliRun run = run("tokens", "list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        NAME  ROLE      APPS      CREATED               CREATED BY
                        ci    VIEWER    billing   2026-12-01T10:00:00Z  bootstrap
                        ops   OPERATOR  all apps  2026-12-01T10:00:00Z  bootstrap
                        """);
    }

    @Test
    void revoke_sends_a_delete_and_an_unknown_token_exits_3() {
        server.on("DELETE", "api/v1/tokens/ci", 200, Fixtures.token("ci", "VIEWER", null))
                .on(
                        "DELETE",
                        "api/v1/tokens/nope",
                        404,
                        Fixtures.error(404, "not_found", null, "no token named 'nope'"));

        CliRun revoked = run("tokens", "revoke", "ci");
        CliRun unknown = run("tokens", "revoke", "nope");

        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).isEqualTo("revoked token ci (VIEWER, all apps)\n");
        assertThat(server.requests().get(0).method()).isEqualTo("DELETE");
        assertThat(server.requests().get(0).uri()).isEqualTo("/campanile/api/v1/tokens/ci");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).isEqualTo("campanile: 404 not_found: no token named 'nope'\n");
    }

    @Test
    void a_token_without_the_role_is_refused_403_and_exits_3() {
        server.on(
                "GET",
                "api/v1/tokens",
                403,
                Fixtures.error(403, "forbidden", null, "this needs the role admin; token 'ci' has the role viewer"));

        CliRun run = run("tokens", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).startsWith("campanile: 403 forbidden: this needs the role admin");
        assertThat(run.out()).isEmpty();
    }
}
