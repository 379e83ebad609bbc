package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool against a real scheduler server (one Payara Micro process on H2): an operator's day with an app and a
 * job, an admin's with API tokens, the audit log and bulk changes (each test on its own app), through the commands in
 * this JVM, and the built jar run with {@code java -jar} as users run it.
 */
class CliAgainstServerIT {

    private static SchedulerOnPayara server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() {
        server = SchedulerOnPayara.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_operator_creates_pauses_runs_and_deletes_a_job() throws IOException {
        long start = System.nanoTime();
        ok("apps", "create", "cli-it", "--secret", "cli-it-secret");
        assertThat(ok("apps", "list").out()).contains("cli-it");

        Path file = Files.writeString(
                home.resolve("job.json"),
                """
                {"name": "nightly", "processor": "invoice", "cron": "0 0 3 * * *", "timeZone": "Europe/Paris",
                 "parameters": {"day": 3}}""");
        assertThat(ok("jobs", "create", "cli-it", file.toString()).out())
                .contains("nightly")
                .contains("0 0 3 * * *");
        assertThat(ok("jobs", "list", "cli-it").out()).contains("nightly  CRON  0 0 3 * * *  yes");

        assertThat(ok("jobs", "pause", "cli-it", "nightly", "--note", "month end")
                        .out())
                .contains("no (paused: month end)");
        assertThat(ok("jobs", "list", "cli-it", "--enabled", "false", "--json").out())
                .contains("\"nightly\"");
        JsonObject resumed = json(ok("jobs", "resume", "cli-it", "nightly", "--json"));
        assertThat(resumed.getBoolean("enabled")).isTrue();
        assertThat(ok("jobs", "fires", "cli-it", "nightly", "--count", "2")
                        .out()
                        .lines())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("T03:00+01:00"));

        JsonObject instance = json(ok("run", "cli-it", "nightly", "--param", "{\"day\":4}", "--json"));
        long id = instance.getJsonNumber("id").longValue();
        assertThat(instance.getString("state")).isEqualTo("WAITING");
        JsonObject page = json(ok("instances", "list", "cli-it", "--job", "nightly", "--state", "WAITING", "--json"));
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(ok("instances", "show", "cli-it", Long.toString(id)).out()).contains("CREATED");
        CliRun logs = ok("logs", "cli-it", Long.toString(id));
        assertThat(logs.err()).contains("instance " + id + ", attempt 1: WAITING");
        assertThat(ok("instances", "stop", "cli-it", Long.toString(id), "--note", "not today")
                        .out())
                .contains("CANCELLED");

        Path exported = Files.writeString(
                home.resolve("jobs.json"), ok("jobs", "export", "cli-it").out());
        ok("apps", "create", "cli-it-copy", "--secret", "cli-it-secret");
        assertThat(ok("jobs", "import", "cli-it-copy", exported.toString()).out())
                .startsWith("created 1, updated 0, unchanged 0, deleted 0");
        assertThat(ok("jobs", "import", "cli-it-copy", exported.toString()).out())
                .as("importing the same document again changes nothing")
                .startsWith("created 0, updated 0, unchanged 1, deleted 0");

        long revision = json(ok("jobs", "show", "cli-it", "nightly", "--json"))
                .getJsonNumber("revision")
                .longValue();
        CliRun stale = run("jobs", "delete", "cli-it", "nightly", "--revision", Long.toString(revision - 1));
        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(stale.err()).startsWith("campanile: 409 conflict");
        assertThat(ok("jobs", "delete", "cli-it", "nightly", "--revision", Long.toString(revision))
                        .out())
                .contains("deleted:");
        CliRun gone = run("jobs", "show", "cli-it", "nightly");
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(gone.err()).startsWith("campanile: 404 not_found");

        assertThat(ok("servers").out()).contains(server.url());
        assertThat(ok("cluster").out()).contains("Servers:");
        System.out.println("CLI-IT 20 commands took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void an_admin_hands_out_a_viewer_token_reads_the_audit_log_and_changes_jobs_in_bulk() throws IOException {
        ok("apps", "create", "cli-it-access", "--secret", "cli-it-secret");
        for (String name : List.of("nightly", "weekly")) {
            Path file = Files.writeString(
                    home.resolve(name + ".json"),
                    """
                    {"name": "%s", "processor": "invoice", "cron": "0 0 3 * * *"}"""
                            .formatted(name));
            ok("jobs", "create", "cli-it-access", file.toString());
        }

        JsonObject created =
                json(ok("tokens", "create", "it-viewer", "--role", "viewer", "--app", "cli-it-access", "--json"));
        String viewer = created.getString("secret");
        assertThat(created.getJsonObject("token").getJsonArray("apps").getString(0))
                .isEqualTo("cli-it-access");
        assertThat(ok("tokens", "list").out()).contains("it-viewer  VIEWER");
        assertThat(ok("jobs", "list", "cli-it-access", "--token", viewer).out())
                .contains("nightly")
                .contains("weekly");
        CliRun refused = run("jobs", "pause", "cli-it-access", "nightly", "--token", viewer);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).startsWith("campanile: 403 forbidden").doesNotContain(viewer);

        JsonObject denied = json(ok("audit", "--actor", "it-viewer", "--json"));
        assertThat(denied.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject entry = denied.getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("action")).isEqualTo("job.pause");
        assertThat(entry.getInt("status")).isEqualTo(403);
        assertThat(entry.getBoolean("denied")).isTrue();
        assertThat(ok("audit", "--app", "cli-it-access", "--all").out())
                .contains("job.create")
                .contains("bootstrap");

        assertThat(ok("runs", "cli-it-access", "nightly", "--count", "3", "--request-id-prefix", "it")
                        .out())
                .startsWith("created 3 runs (0 existed already)");
        assertThat(ok("runs", "cli-it-access", "nightly", "--count", "3", "--request-id-prefix", "it")
                        .out())
                .as("the same request ids again create nothing")
                .startsWith("created 0 runs (3 existed already)");

        assertThat(ok("jobs", "bulk", "cli-it-access", "pause", "--name", "nightly,weekly", "--note", "freeze")
                        .out())
                .startsWith("PAUSE: changed 2, unchanged 0")
                .contains("PAUSED");
        assertThat(ok("jobs", "list", "cli-it-access", "--enabled", "false", "--json")
                        .out())
                .contains("\"nightly\"")
                .contains("\"weekly\"");
        JsonObject resumed = json(ok("jobs", "bulk", "cli-it-access", "resume", "--name", "nightly", "--json"));
        assertThat(resumed.getInt("changed")).isEqualTo(1);

        JsonObject rotated = json(ok(
                "apps",
                "rotate-secret",
                "cli-it-access",
                "--secret",
                "cli-it-new-secret",
                "--grace",
                "PT5M",
                "--json"));
        assertThat(Instant.parse(rotated.getString("previousValidUntil")))
                .isEqualTo(Instant.parse(rotated.getString("rotatedAt")).plus(Duration.ofMinutes(5)));
        assertThat(rotated.toString()).doesNotContain("cli-it-new-secret");

        assertThat(ok("tokens", "revoke", "it-viewer").out()).startsWith("revoked token it-viewer");
        CliRun revoked = run("jobs", "list", "cli-it-access", "--token", viewer);
        assertThat(revoked.exitCode()).as(revoked.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(revoked.err()).startsWith("campanile: 401 unauthorized");
    }

    @Test
    void the_built_jar_runs_with_java_minus_jar_and_keeps_the_token_to_itself() throws Exception {
        JarRun listed = runJar(
                Map.of("CAMPANILE_URL", server.url(), "CAMPANILE_TOKEN", server.adminToken()),
                "apps",
                "list",
                "-o",
                "json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).startsWith("[");

        JarRun refused = runJar(Map.of("CAMPANILE_URL", server.url(), "CAMPANILE_TOKEN", "wrong-token"), "servers");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).startsWith("campanile: 401 unauthorized").doesNotContain("wrong-token");
        assertThat(refused.out()).isEmpty();
    }

    private CliRun ok(String... args) {
        CliRun run = run(args);
        assertThat(run.exitCode())
                .as(String.join(" ", args) + "\n" + run + server.logTail())
                .isZero();
        return run;
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("CAMPANILE_URL", server.url(), "CAMPANILE_TOKEN", server.adminToken()), home, args);
    }

    private static JsonObject json(CliRun run) {
        return Json.createReader(new StringReader(run.out())).readObject();
    }

    private record JarRun(int exitCode, String out, String err) {}

    /** {@code java -jar campanile-cli.jar ARGS} with only these variables set; killed by PID after 60 s. */
    private JarRun runJar(Map<String, String> environment, String... args) throws Exception {
        String jar = System.getProperty("campanile.it.cliJar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-jar",
                jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CAMPANILE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("java -jar " + jar + " did not end within 60 s");
            }
            return new JarRun(
                    process.exitValue(),
                    Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                    Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
