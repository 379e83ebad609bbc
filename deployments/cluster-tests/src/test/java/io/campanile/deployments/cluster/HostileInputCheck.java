package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every documented endpoint of one real scheduler server (Payara Micro, fresh PostgreSQL database) fed
 * hostile input: wrong JSON types, numbers that overflow, NUL and other control characters, huge values,
 * malformed JSON, trailing content, bodies too large, bad paths, methods and media types, missing and wrong
 * credentials. Each must get a 4xx with the JSON error body {@code {"status","message"}} (message short), no
 * request may change the database (the tables are compared before and after each request, leaving out only
 * the columns that heartbeats and lease renewals move), and the server's log must show no stack trace and no
 * SEVERE (Payara) or ERROR (WildFly) line. Prints how many requests each endpoint got ({@code HOSTILE} lines).
 * A subclass per server starts the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputCheck {

    private static final String APP = "hostile";
    private static final String SECRET = "hostile-secret-1";
    private static final String ADMIN_TOKEN = ClusterCredentials.randomToken();
    private static final String CLUSTER_TOKEN = ClusterCredentials.randomToken();
    private static final String HUGE = "x".repeat(20_000);
    private static final String DEEP = "[".repeat(40) + "]".repeat(40);

    /** What must hold for the answer of one hostile request. */
    private record Case(String endpoint, String what, String head, byte[] body, boolean containerAnswers) {}

    private static PostgresDatabase database;
    static PayaraProcess server;
    private static RawHttp http;
    private static String serverId;
    private static long jobId;
    private static long instanceId;
    private static String viewerSecret;
    private static String scopedSecret;

    /** The port the server will listen on (chosen before it starts). */
    abstract int choosePort();

    /** The server's process, not started, listening on {@code port} with these system properties. */
    abstract PayaraProcess process(ClusterSettings settings, int port, Map<String, String> properties);

    @BeforeAll
    void startServer() {
        ClusterSettings settings = ClusterSettings.fromSystemProperties(1);
        database = PostgresDatabase.createFresh();
        int port = choosePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/campanile");
        server = process(
                settings,
                port,
                new ClusterCredentials(ADMIN_TOKEN, CLUSTER_TOKEN, null)
                        .serverProperties(base.toString(), database.jdbcUrl(), database.user()));
        try {
            server.start();
            server.awaitReady(URI.create(base + "/api/health"), settings.startTimeout());
            http = new RawHttp(port);
            seed();
        } catch (RuntimeException | Error e) {
            stopServer();
            throw e;
        }
    }

    /** An app the server owns, an API job and one instance (due in 30 days, so it never moves). */
    private static void seed() {
        serverId = json(ok(http.send(head("GET", "/campanile/api/health", "", null), ""), 200))
                .getString("serverId");
        ok(admin("POST", "/apps", "{\"name\":\"" + APP + "\",\"secret\":\"" + SECRET + "\"}"), 201);
        jobId = json(ok(
                        admin(
                                "POST",
                                "/apps/" + APP + "/jobs",
                                "{\"name\":\"seed\",\"processor\":\"p\",\"scheduleType\":\"API\"}"),
                        201))
                .getJsonNumber("id")
                .longValue();
        ok(worker("GET", "/discovery", ""), 200);
        instanceId = json(ok(
                        admin(
                                "POST",
                                "/apps/" + APP + "/jobs/" + jobId + "/run",
                                "{\"delaySeconds\":2592000,\"requestId\":\"seed\"}"),
                        201))
                .getJsonNumber("id")
                .longValue();
        viewerSecret = newToken("{\"name\":\"hostile-viewer\",\"role\":\"VIEWER\"}");
        scopedSecret = newToken("{\"name\":\"hostile-scoped\",\"role\":\"ADMIN\",\"apps\":[\"" + APP + "\"]}");
    }

    /** An API token (issue 9), made with the configured admin token; its secret. */
    private static String newToken(String request) {
        return json(ok(
                        http.send(
                                head(
                                        "POST",
                                        "/campanile/api/v1/tokens",
                                        "Authorization: Bearer " + ADMIN_TOKEN,
                                        "application/json"),
                                request),
                        201))
                .getString("secret");
    }

    @AfterAll
    void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** The OpenAPI document is served to anyone, as YAML, by every server (WildFly has no MicroProfile OpenAPI). */
    @Test
    void the_openapi_document_is_served_without_credentials() {
        RawHttp.Answer answer = http.send(head("GET", "/campanile/api/openapi", "", null), "");

        assertThat(answer.status()).as(RawHttp.cut(answer.body())).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/yaml");
        assertThat(answer.body()).contains("\nopenapi: 3.0.3\n").contains("\n  /v1/apps/{app}/jobs:\n");
    }

    @Test
    void every_hostile_request_gets_a_json_4xx_and_changes_nothing() throws Exception {
        List<Case> cases = cases();
        long logStart = Files.size(server.logFile());
        Map<String, Integer> perEndpoint = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (Connection db = database.connect()) {
            String before = snapshot(db);
            for (Case c : cases) {
                perEndpoint.merge(c.endpoint(), 1, Integer::sum);
                RawHttp.Answer answer;
                try {
                    answer = http.send(c.head(), c.body());
                } catch (RuntimeException e) {
                    failures.add(c.endpoint() + " / " + c.what() + ": " + e + " / " + e.getCause());
                    continue;
                }
                String problem = problem(c, answer);
                String after = snapshot(db);
                if (!after.equals(before)) {
                    problem = (problem == null ? "" : problem + "; ") + "the database changed";
                    before = after;
                }
                if (problem != null) {
                    failures.add(c.endpoint() + " / " + c.what() + ": " + problem + " -- answered " + answer.status()
                            + " " + RawHttp.cut(answer.body()));
                }
            }
        }
        perEndpoint.forEach((endpoint, n) -> System.out.printf("HOSTILE %-44s %4d requests%n", endpoint, n));
        System.out.printf("HOSTILE %-44s %4d requests, %d failed%n", "total", cases.size(), failures.size());
        System.out.printf(
                "HOSTILE %-44s %4d requests (a 4xx without JSON accepted)%n",
                "of which the HTTP listener may answer itself",
                cases.stream().filter(Case::containerAnswers).count());
        String log = logSince(logStart);
        assertThat(logSince(0))
                .as("no credential in the server's log")
                .doesNotContain(ADMIN_TOKEN)
                .doesNotContain(CLUSTER_TOKEN)
                .doesNotContain(SECRET)
                .doesNotContain(viewerSecret)
                .doesNotContain(scopedSecret);

        assertThat(failures)
                .as("requests not answered with a JSON 4xx, or that changed the database")
                .isEmpty();
        assertThat(log)
                .as("server log during the hostile requests")
                .doesNotContain("SEVERE")
                .doesNotContain(" ERROR [");
        assertThat(Pattern.compile("^\\s+at [\\w.$]+\\(", Pattern.MULTILINE)
                        .matcher(log)
                        .find())
                .as("a stack trace in the server log:\n" + RawHttp.cut(log))
                .isFalse();
        // and the server still serves, with the seeded instance as it was
        assertThat(ok(admin("GET", "/apps/" + APP + "/jobs/" + jobId + "/instances", ""), 200)
                        .body())
                .contains("\"id\":" + instanceId)
                .contains("\"state\":\"WAITING\"");
        assertThat(ok(admin("GET", "/apps/" + APP + "/jobs/seed", ""), 200).body())
                .as("the seed job, never changed")
                .contains("\"revision\":1,")
                .contains("\"enabled\":true")
                .contains("\"scheduleType\":\"API\"");
    }

    /** What is wrong with the answer, or null. */
    private static String problem(Case c, RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "not a 4xx";
        }
        if (c.endpoint().startsWith("403") && answer.status() != 403) {
            return "not 403 for want of a role or app scope";
        }
        if (c.containerAnswers()) {
            return null; // refused by the servlet container before the WAR sees it: no JSON to expect
        }
        String type = answer.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/json")) {
            return "not JSON (" + type + ")";
        }
        JsonObject error;
        try {
            error = json(answer);
        } catch (RuntimeException e) {
            return "body is not a JSON object";
        }
        if (!error.keySet().stream().allMatch(ERROR_KEYS::contains)
                || !error.containsKey("status")
                || error.getInt("status") != answer.status()
                || !isText(error, "message")
                || !isText(error, "code")
                || (error.containsKey("field") && !isText(error, "field"))) {
            return "not the error body {status, message, code, field}";
        }
        if (c.endpoint().startsWith("GET /api/v1/") && c.what().startsWith("query ?") && answer.status() == 400) {
            String parameter = c.what().substring("query ?".length()).split("=")[0];
            if (!error.containsKey("field") || !error.getString("field").equals(parameter)) {
                return "the error does not name the parameter " + parameter + " as its field";
            }
        }
        String message = error.getString("message");
        if (message.isBlank() || message.length() > 1000) {
            return "message empty or longer than 1000 characters (" + message.length() + ")";
        }
        return null;
    }

    private static final Set<String> ERROR_KEYS = Set.of("status", "message", "code", "field");

    private static boolean isText(JsonObject error, String key) {
        return error.containsKey(key) && error.get(key).getValueType() == JsonValue.ValueType.STRING;
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String worker = "Campanile-App: " + APP + "\r\nAuthorization: Bearer " + SECRET;
        String admin = "Authorization: Bearer " + ADMIN_TOKEN;
        String cluster = "Authorization: Bearer " + CLUSTER_TOKEN;
        String job = "/campanile/api/admin/apps/" + APP + "/jobs/" + jobId;

        // ----- worker protocol
        credentialCases(cases, "GET /api/worker/discovery", "GET /campanile/api/worker/discovery", "", true);
        cases.add(get(
                "GET /api/worker/discovery",
                "app header with a tab",
                "/campanile/api/worker/discovery",
                "Campanile-App: a\tb\r\nAuthorization: Bearer " + SECRET));
        cases.add(get(
                "GET /api/worker/discovery",
                "app header of 300 characters",
                "/campanile/api/worker/discovery",
                "Campanile-App: " + "a".repeat(300) + "\r\nAuthorization: Bearer " + SECRET));
        cases.add(get(
                "GET /api/worker/discovery",
                "Accept: text/html",
                "/campanile/api/worker/discovery",
                worker + "\r\nAccept: text/html"));
        methodCases(
                cases, "GET /api/worker/discovery", "/campanile/api/worker/discovery", worker, "POST", "PUT", "DELETE");

        Map<String, Field> heartbeat = fields(
                Field.id("workerId", "\"w1\""),
                Field.number("cpuLoad", "0.5", Kind.DOUBLE),
                Field.number("freeHeapBytes", "1000", Kind.LONG),
                Field.number("maxHeapBytes", "2000", Kind.LONG),
                Field.number("activeRuns", "0", Kind.INT),
                Field.number("capacity", "4", Kind.INT),
                Field.number("epochSeen", "1", Kind.LONG),
                new Field("processors", "[\"p\"]", Kind.LIST, false));
        bodyCases(cases, "POST /api/worker/heartbeat", "/campanile/api/worker/heartbeat", worker, heartbeat, true);
        for (String tags : List.of("[null]", "[\"has space\"]", "[\"" + "t".repeat(65) + "\"]", "\"gpu\"")) {
            cases.add(post(
                    "POST /api/worker/heartbeat",
                    "tags " + RawHttp.cut(tags),
                    "/campanile/api/worker/heartbeat",
                    worker,
                    withField(validBody(heartbeat), "tags", tags)));
        }
        cases.add(post(
                "POST /api/worker/heartbeat",
                "freeDiskBytes -1",
                "/campanile/api/worker/heartbeat",
                worker,
                withField(validBody(heartbeat), "freeDiskBytes", "-1")));
        for (String processors : List.of("[null]", "[1]", "[\"a\\nb\"]", "[\"a\\u0000\"]", "[\"" + HUGE + "\"]")) {
            cases.add(post(
                    "POST /api/worker/heartbeat",
                    "processors " + RawHttp.cut(processors),
                    "/campanile/api/worker/heartbeat",
                    worker,
                    body(heartbeat, "processors", processors)));
        }

        Map<String, Field> poll = fields(
                Field.id("workerId", "\"w1\""),
                Field.number("capacity", "1", Kind.INT),
                Field.number("epochSeen", "1", Kind.LONG),
                new Field("startsOnTime", "true", Kind.BOOL, false));
        bodyCases(cases, "POST /api/worker/poll", "/campanile/api/worker/poll", worker, poll, true);
        cases.add(post(
                "POST /api/worker/poll",
                "capacity 2147483647",
                "/campanile/api/worker/poll",
                worker,
                "{\"workerId\":\"w1\",\"capacity\":2147483647,\"epochSeen\":1}"));
        cases.add(post(
                "POST /api/worker/poll",
                "workerId of 300 characters",
                "/campanile/api/worker/poll",
                worker,
                "{\"workerId\":\"" + "w".repeat(300) + "\",\"capacity\":1,\"epochSeen\":1}"));

        String outcome = "{\"instanceId\":" + instanceId + ",\"attempt\":1,\"state\":\"SUCCEEDED\",\"message\":\"m\"}";
        Map<String, Field> report =
                fields(Field.id("workerId", "\"w1\""), new Field("outcomes", "[" + outcome + "]", Kind.LIST, true));
        bodyCases(cases, "POST /api/worker/reports", "/campanile/api/worker/reports", worker, report, true);
        for (String outcomes : List.of(
                "[null]",
                "[1]",
                "[{\"instanceId\":1,\"attempt\":4294967297,\"state\":\"SUCCEEDED\"}]",
                "[{\"instanceId\":1,\"attempt\":0,\"state\":\"SUCCEEDED\"}]",
                "[{\"instanceId\":-1,\"attempt\":1,\"state\":\"SUCCEEDED\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"state\":\"RUNNING\"}]",
                "[{\"instanceId\":1,\"attempt\":1}]",
                "[{\"instanceId\":1,\"attempt\":1,\"state\":\"FAILED\",\"surprise\":1}]",
                "[{\"instanceId\":1,\"attempt\":1,\"state\":\"FAILED\",\"message\":\"a\\u0000\"}]",
                "[" + outcome + "," + outcome + "]",
                "[" + String.join(",", java.util.Collections.nCopies(1001, outcome)) + "]")) {
            cases.add(post(
                    "POST /api/worker/reports",
                    "outcomes " + RawHttp.cut(outcomes),
                    "/campanile/api/worker/reports",
                    worker,
                    body(report, "outcomes", outcomes)));
        }
        cases.add(post(
                "POST /api/worker/reports",
                "another app's credentials",
                "/campanile/api/worker/reports",
                "Campanile-App: other\r\nAuthorization: Bearer " + SECRET,
                validBody(report)));

        // run logs (issue 8): a worker's lines; the seeded instance is not running on w1, so even a valid line is
        // refused
        String logLine = "{\"instanceId\":" + instanceId
                + ",\"attempt\":1,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\"m\"}";
        Map<String, Field> logBatch =
                fields(Field.id("workerId", "\"w1\""), new Field("lines", "[" + logLine + "]", Kind.LIST, true));
        bodyCases(cases, "POST /api/worker/logs", "/campanile/api/worker/logs", worker, logBatch, true);
        for (String lines : List.of(
                "[null]",
                "[1]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":0,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\"m\"}]",
                "[{\"instanceId\":1,\"attempt\":0,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\"m\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"LOUD\",\"message\":\"m\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"at\":\"yesterday\",\"level\":\"INFO\",\"message\":\"m\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"level\":\"INFO\",\"message\":\"m\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\"a\\u0000\"}]",
                "[{\"instanceId\":1,\"attempt\":1,\"seq\":1,\"at\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\""
                        + "m".repeat(4001) + "\"}]",
                "[" + String.join(",", java.util.Collections.nCopies(1001, logLine)) + "]")) {
            cases.add(post(
                    "POST /api/worker/logs",
                    "lines " + RawHttp.cut(lines),
                    "/campanile/api/worker/logs",
                    worker,
                    body(logBatch, "lines", lines)));
        }
        credentialCases(cases, "POST /api/worker/logs", "POST /campanile/api/worker/logs", validBody(logBatch), true);

        String claimOf = "{\"instanceId\":" + instanceId + ",\"attempt\":1}";
        Map<String, Field> claim = fields(
                Field.id("workerId", "\"w1\""),
                Field.number("epoch", "1", Kind.LONG),
                new Field("claims", "[" + claimOf + "]", Kind.LIST, true));
        bodyCases(cases, "POST /api/worker/claims", "/campanile/api/worker/claims", worker, claim, true);
        for (String claims : List.of(
                "[null]",
                "[1]",
                "[{\"instanceId\":1,\"attempt\":4294967297}]",
                "[{\"instanceId\":0,\"attempt\":1}]",
                "[{\"instanceId\":1}]",
                "[{\"instanceId\":1,\"attempt\":1,\"surprise\":1}]",
                "[" + claimOf + "," + claimOf + "]",
                "[" + String.join(",", java.util.Collections.nCopies(1001, claimOf)) + "]")) {
            cases.add(post(
                    "POST /api/worker/claims",
                    "claims " + RawHttp.cut(claims),
                    "/campanile/api/worker/claims",
                    worker,
                    body(claim, "claims", claims)));
        }
        cases.add(post(
                "POST /api/worker/claims",
                "another app's credentials",
                "/campanile/api/worker/claims",
                "Campanile-App: other\r\nAuthorization: Bearer " + SECRET,
                validBody(claim)));

        // ----- server to server
        credentialCases(cases, "GET /api/cluster/ping", "GET /campanile/api/cluster/ping?app=" + APP, "", false);
        for (String query : List.of(
                "",
                "?app=",
                "?app=%00",
                "?app=a%01b",
                "?app=%FF",
                "?app=" + "a".repeat(2000),
                "?app=a%20b",
                "?app=%C3%A9")) {
            cases.add(get(
                    "GET /api/cluster/ping",
                    "query " + RawHttp.cut(query),
                    "/campanile/api/cluster/ping" + query,
                    cluster));
        }
        methodCases(
                cases, "GET /api/cluster/ping", "/campanile/api/cluster/ping?app=" + APP, cluster, "POST", "DELETE");

        Map<String, Field> handoff = fields(
                Field.id("leavingServerId", "\"another-server\""),
                new Field("apps", "[{\"appName\":\"" + APP + "\",\"epoch\":1}]", Kind.LIST, true));
        bodyCases(cases, "POST /api/cluster/handoff", "/campanile/api/cluster/handoff", cluster, handoff, true);
        for (String apps : List.of(
                "[null]",
                "[1]",
                "[\"hostile\"]",
                "[{\"appName\":\"" + APP + "\"}]",
                "[{\"appName\":\"" + APP + "\",\"epoch\":\"1\"}]",
                "[{\"appName\":\"" + APP + "\",\"epoch\":1e30}]",
                "[{\"appName\":\"a\\u0000\",\"epoch\":1}]",
                "[{\"appName\":\"" + HUGE + "\",\"epoch\":1}]",
                "[{\"appName\":\"" + APP + "\",\"epoch\":1,\"x\":1}]",
                "[{\"appName\":\"" + APP + "\",\"epoch\":1},{\"appName\":\"" + APP + "\",\"epoch\":1}]")) {
            cases.add(post(
                    "POST /api/cluster/handoff",
                    "apps " + RawHttp.cut(apps),
                    "/campanile/api/cluster/handoff",
                    cluster,
                    body(handoff, "apps", apps)));
        }
        cases.add(post(
                "POST /api/cluster/handoff",
                "from this server itself",
                "/campanile/api/cluster/handoff",
                cluster,
                body(handoff, "leavingServerId", "\"" + serverId + "\"")));

        Map<String, Field> run = fields(
                new Field("parameters", "\"p\"", Kind.ANY_JSON, false),
                new Field("delaySeconds", "5", Kind.LONG, false),
                new Field("requestId", "\"r\"", Kind.ID, false),
                new Field("at", "\"2030-01-01T00:00:00Z\"", Kind.INSTANT, false));
        String forwarded = "/campanile/api/cluster/apps/" + APP + "/jobs/" + jobId + "/run";
        bodyCases(cases, "POST /api/cluster/apps/{app}/jobs/{id}/run", forwarded, cluster, run, false);
        pathCases(
                cases,
                "POST /api/cluster/apps/{app}/jobs/{id}/run",
                "/campanile/api/cluster/apps/%s/jobs/%s/run",
                cluster,
                "POST",
                "{}");

        Map<String, Field> runBatch = fields(new Field("runs", "[{\"requestId\":\"b1\"}]", Kind.LIST, true));
        bodyCases(
                cases,
                "POST /api/cluster/apps/{app}/jobs/{id}/runs",
                "/campanile/api/cluster/apps/" + APP + "/jobs/" + jobId + "/runs",
                cluster,
                runBatch,
                true);

        // ----- admin
        Map<String, Field> app =
                fields(Field.id("name", "\"n1\""), new Field("secret", "\"secret-123\"", Kind.TEXT, true));
        bodyCases(cases, "POST /api/admin/apps", "/campanile/api/admin/apps", admin, app, true);
        cases.add(post(
                "POST /api/admin/apps",
                "name taken",
                "/campanile/api/admin/apps",
                admin,
                "{\"name\":\"" + APP + "\",\"secret\":\"secret-123\"}"));
        cases.add(post(
                "POST /api/admin/apps",
                "secret too short",
                "/campanile/api/admin/apps",
                admin,
                "{\"name\":\"n1\",\"secret\":\"short\"}"));
        cases.add(post(
                "POST /api/admin/apps",
                "secret too long",
                "/campanile/api/admin/apps",
                admin,
                "{\"name\":\"n1\",\"secret\":\"" + HUGE + "\"}"));
        credentialCases(cases, "GET /api/admin/apps", "GET /campanile/api/admin/apps", "", false);
        cases.add(get(
                "GET /api/admin/apps",
                "Accept: text/html",
                "/campanile/api/admin/apps",
                admin + "\r\nAccept: text/html"));
        methodCases(cases, "GET /api/admin/apps", "/campanile/api/admin/apps", admin, "PUT", "DELETE", "PATCH");

        Map<String, Field> definition = fields(
                Field.id("name", "\"j2\""),
                Field.id("processor", "\"p\""),
                new Field("scheduleType", "\"API\"", Kind.ENUM, false),
                new Field("timeZone", "\"UTC\"", Kind.ID, false),
                new Field("parameters", "\"x\"", Kind.ANY_JSON, false),
                new Field("enabled", "true", Kind.BOOL, false));
        String jobs = "/campanile/api/admin/apps/" + APP + "/jobs";
        bodyCases(cases, "POST /api/admin/apps/{app}/jobs", jobs, admin, definition, true);
        for (String[] bad : new String[][] {
            {"timeZone", "\"Mars/Base\""}, {"name", "\"seed\""}, {"name", "\"a b\""}, {"processor", "\" \""},
            {"cron", "5"}, {"cron", "\"a\\u0000\""}, {"cron", "[\"* * * * * *\"]"}, {"scheduleType", "\"api\""}
        }) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs",
                    bad[0] + " " + bad[1],
                    jobs,
                    admin,
                    body(definition, bad[0], bad[1])));
        }
        // CRON expressions that are too long for their column, never fire, or cannot be evaluated
        for (String cron : List.of(
                "0,".repeat(130) + "0 * * * * *",
                "0,".repeat(10_000) + "0 * * * * *",
                "0 0 0 30 2 *",
                "19 11 3 30W 2/3 *",
                "* * *",
                "61 * * * * *")) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs",
                    "cron " + RawHttp.cut(cron),
                    jobs,
                    admin,
                    "{\"name\":\"c1\",\"processor\":\"p\",\"scheduleType\":\"CRON\",\"cron\":\"" + cron + "\"}"));
        }
        // the schedule types' own fields (issue 7): each kind of hostile value, then values of the right kind that
        // are wrong for the type or out of range; the same bodies through the preview, which saves nothing
        Map<String, Field> rate = fields(
                Field.id("name", "\"r2\""),
                Field.id("processor", "\"p\""),
                new Field("scheduleType", "\"FIXED_RATE\"", Kind.ENUM, false),
                new Field("interval", "\"PT5S\"", Kind.ID, false),
                new Field("startAt", "\"2030-01-01T00:00:00Z\"", Kind.INSTANT, false),
                new Field("endAt", "\"2031-01-01T00:00:00Z\"", Kind.INSTANT, false));
        bodyCases(cases, "POST /api/admin/apps/{app}/jobs", jobs, admin, rate, true);
        Map<String, Field> previewed = new LinkedHashMap<>(rate);
        previewed.put("name", new Field("name", "\"r2\"", Kind.ID, false));
        previewed.put("processor", new Field("processor", "\"p\"", Kind.ID, false));
        bodyCases(cases, "POST /api/admin/apps/{app}/jobs/preview", jobs + "/preview", admin, previewed, true);
        String daily = "{\"name\":\"d1\",\"processor\":\"p\",\"scheduleType\":\"DAILY_TIME_INTERVAL\","
                + "\"interval\":\"PT1H\",\"dayStart\":\"09:00\",\"dayEnd\":\"17:00\"";
        for (String[] bad : new String[][] {
            {"interval", "\"PT0.01S\""},
            {"interval", "\"-PT5S\""},
            {"interval", "\"5 seconds\""},
            {"interval", "\"P1000000D\""},
            {"interval", "\"PT9999999999999999999S\""},
            {"gapRule", "\"SKIP\""},
            {"runAt", "\"2030-01-01T00:00:00Z\""},
            {"delay", "\"PT5S\""},
            {"cron", "\"* * * * * *\""},
            {"endAt", "\"2000-01-01T00:00:00Z\""},
            {"daysOfWeek", "[\"MONDAY\"]"},
            {"dayStart", "\"09:00\""},
            // misfire and overlap policies: unknown names, wrong kinds, values out of range, fields of another policy
            {"misfirePolicy", "\"LATER\""},
            {"misfirePolicy", "5"},
            {"catchUpWindow", "\"soon\""},
            {"catchUpWindow", "\"-PT1S\""},
            {"catchUpWindow", "\"P1000000D\""},
            {"overlapPolicy", "\"MAYBE\""},
            {"overlapPolicy", "[\"SKIP\"]"},
            {"maxConcurrent", "2"},
            {"maxConcurrent", "\"x\""},
            {"maxConcurrent", "1.5"},
            {"maxConcurrent", "99999999999"},
            // retry policies (issue 8): wrong kinds and values out of range of each field
            {"retry", "3"},
            {"retry", "\"always\""},
            {"retry", "[1]"},
            {"retry", "{\"maxAttempts\":0}"},
            {"retry", "{\"maxAttempts\":101}"},
            {"retry", "{\"maxAttempts\":\"x\"}"},
            {"retry", "{\"maxAttempts\":99999999999}"},
            {"retry", "{\"backoff\":\"soon\"}"},
            {"retry", "{\"backoff\":\"-PT1S\"}"},
            {"retry", "{\"backoff\":\"P2D\"}"},
            {"retry", "{\"backoff\":\"PT10S\",\"maxBackoff\":\"PT1S\"}"},
            {"retry", "{\"jitter\":1.5}"},
            {"retry", "{\"jitter\":-1}"},
            {"retry", "{\"jitter\":\"NaN\"}"},
            {"retry", "{\"within\":\"PT0S\"}"},
            {"retry", "{\"within\":\"x\"}"},
            {"retry", "{\"maxAttempts\":2,\"surprise\":1}"},
            {"timeout", "\"PT0.5S\""},
            {"timeout", "\"P2D\""},
            {"timeout", "5"},
            {"timeout", "\"-PT5S\""},
            // worker selection (issue 8): unknown strategies, malformed tags and ids, filters out of range
            {"routing", "\"any\""},
            {"routing", "{\"strategy\":\"FASTEST\"}"},
            {"routing", "{\"tags\":[\"has space\"]}"},
            {"routing", "{\"tags\":[null]}"},
            {"routing", "{\"tags\":\"gpu\"}"},
            {"routing", "{\"workers\":[\"w\\u0000\"]}"},
            {"routing", "{\"workers\":[\"" + "w".repeat(201) + "\"]}"},
            {"routing", "{\"minFreeHeapMb\":-1}"},
            {"routing", "{\"minFreeDiskMb\":99999999999999}"},
            {"routing", "{\"maxCpuLoad\":-0.5}"},
            {"routing", "{\"maxCpuLoad\":\"high\"}"},
            {"routing", "{\"maxWorkers\":0}"},
            {"routing", "{\"maxWorkers\":1,\"surprise\":1}"},
            {"logsLocal", "\"yes\""},
            {"logsLocal", "1"}
        }) {
            for (String path : List.of(jobs, jobs + "/preview")) {
                cases.add(post(
                        "POST /api/admin/apps/{app}/jobs" + (path.endsWith("preview") ? "/preview" : ""),
                        "fixed rate with " + bad[0] + " " + bad[1],
                        path,
                        admin,
                        body(rate, bad[0], bad[1])));
            }
        }
        for (String bad : List.of(
                ",\"dayStart\":\"25:00\"",
                ",\"dayEnd\":\"08:00\"",
                ",\"daysOfWeek\":[\"FUNDAY\"]",
                ",\"daysOfWeek\":\"MONDAY\"",
                ",\"daysOfWeek\":[null]",
                ",\"gapRule\":\"LATER\"",
                ",\"interval\":\"PT1.5S\"")) {
            String json = daily.replaceFirst(",\"" + bad.substring(2, bad.indexOf(':')) + ":[^,]*", "") + bad + "}";
            cases.add(post("POST /api/admin/apps/{app}/jobs", "daily " + bad.substring(1), jobs, admin, json));
        }
        for (String policies : List.of(
                ",\"misfirePolicy\":\"SKIP\",\"catchUpWindow\":\"PT1M\"",
                ",\"overlapPolicy\":\"SKIP\",\"maxConcurrent\":0",
                ",\"overlapPolicy\":\"BUFFER_ALL\",\"maxConcurrent\":1001",
                ",\"overlapPolicy\":\"CANCEL_RUNNING\",\"maxConcurrent\":-1")) {
            String json = validBody(rate).replaceFirst("}$", policies + "}");
            cases.add(post("POST /api/admin/apps/{app}/jobs", "fixed rate" + RawHttp.cut(policies), jobs, admin, json));
        }
        for (String delay : List.of(
                "{\"name\":\"f1\",\"processor\":\"p\",\"scheduleType\":\"FIXED_DELAY\"}",
                "{\"name\":\"f1\",\"processor\":\"p\",\"scheduleType\":\"FIXED_DELAY\",\"interval\":\"PT0.05S\"}",
                "{\"name\":\"f1\",\"processor\":\"p\",\"scheduleType\":\"FIXED_DELAY\",\"interval\":\"PT1S\","
                        + "\"misfirePolicy\":\"SKIP\"}",
                "{\"name\":\"f1\",\"processor\":\"p\",\"scheduleType\":\"FIXED_DELAY\",\"interval\":\"PT1S\","
                        + "\"overlapPolicy\":\"SKIP\"}",
                "{\"name\":\"f1\",\"processor\":\"p\",\"scheduleType\":\"FIXED_DELAY\",\"interval\":\"PT1S\","
                        + "\"cron\":\"* * * * * *\"}",
                "{\"name\":\"a1\",\"processor\":\"p\",\"scheduleType\":\"API\",\"misfirePolicy\":\"SKIP\"}")) {
            cases.add(post("POST /api/admin/apps/{app}/jobs", RawHttp.cut(delay), jobs, admin, delay));
        }
        for (String oneOff : List.of(
                "{\"name\":\"o1\",\"processor\":\"p\",\"scheduleType\":\"ONE_OFF\"}",
                "{\"name\":\"o1\",\"processor\":\"p\",\"scheduleType\":\"ONE_OFF\",\"delay\":\"PT1S\","
                        + "\"runAt\":\"2030-01-01T00:00:00Z\"}",
                "{\"name\":\"o1\",\"processor\":\"p\",\"scheduleType\":\"ONE_OFF\",\"delay\":\"PT1S\","
                        + "\"startAt\":\"2030-01-01T00:00:00Z\"}")) {
            cases.add(post("POST /api/admin/apps/{app}/jobs", "one-off " + RawHttp.cut(oneOff), jobs, admin, oneOff));
        }
        for (String count : List.of("0", "1001", "x", "1e3", "-1")) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs/preview",
                    "count " + count,
                    jobs + "/preview?count=" + count,
                    admin,
                    validBody(rate)));
            cases.add(get(
                    "GET /api/admin/apps/{app}/jobs/{id}/fires",
                    "count " + count,
                    job + "/fires?count=" + count,
                    admin));
        }
        credentialCases(cases, "GET /api/admin/apps/{app}/jobs/{id}/fires", "GET " + job + "/fires", "", false);
        // changing a job live: refused changes of the seed job leave it as it was
        String valid = "{\"processor\":\"p\",\"scheduleType\":\"API\"}";
        for (String[] bad : new String[][] {
            {"If-Match: \"1000\"", valid},
            {"If-Match: abc", valid},
            {"If-Match: \"0\"", valid},
            {"If-Match: \"-1\"", valid},
            {"If-Match: \"" + "9".repeat(30) + "\"", valid},
            {"", "{\"name\":\"renamed\",\"processor\":\"p\",\"scheduleType\":\"API\"}"},
            {"", "{\"processor\":\"p\",\"scheduleType\":\"API\",\"interval\":\"PT5S\"}"},
            {"", "{\"processor\":\"a\\tb\",\"scheduleType\":\"API\"}"},
            {"", "{\"scheduleType\":\"API\"}"},
            {"", "null"},
            {"", ""}
        }) {
            String headers = admin + (bad[0].isEmpty() ? "" : "\r\n" + bad[0]);
            cases.add(new Case(
                    "PUT /api/admin/apps/{app}/jobs/{job}",
                    (bad[0] + " " + RawHttp.cut(bad[1])).trim(),
                    head("PUT", job, headers, "application/json"),
                    utf8(bad[1]),
                    false));
        }
        for (String[] bad : new String[][] {
            {"/pause", "{\"note\":\"a\\u0000b\"}"},
            {"/pause", "{\"note\":\"" + "n".repeat(1001) + "\"}"},
            {"/pause", "{\"note\":5}"},
            {"/pause", "{\"reason\":\"x\"}"}
        }) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs/{job}/pause", RawHttp.cut(bad[1]), job + bad[0], admin, bad[1]));
        }
        for (String path : List.of(job + "/resume", job)) {
            cases.add(new Case(
                    path.endsWith("resume")
                            ? "POST /api/admin/apps/{app}/jobs/{job}/resume"
                            : "DELETE /api/admin/apps/{app}/jobs/{job}",
                    "stale If-Match",
                    head(path.endsWith("resume") ? "POST" : "DELETE", path, admin + "\r\nIf-Match: \"1000\"", null),
                    new byte[0],
                    false));
        }
        for (String name : List.of("no-such-job", "a%20b", "9999999", "a.b.c")) {
            cases.add(get(
                    "GET /api/admin/apps/{app}/jobs/{job}",
                    "job " + name,
                    "/campanile/api/admin/apps/" + APP + "/jobs/" + name,
                    admin));
        }
        credentialCases(cases, "GET /api/admin/apps/{app}/jobs/{job}", "GET " + job, "", false);
        pathCases(
                cases,
                "POST /api/admin/apps/{app}/jobs",
                "/campanile/api/admin/apps/%s/jobs",
                admin,
                "POST",
                body(definition, "name", "\"j3\""));
        pathCases(cases, "GET /api/admin/apps/{app}/jobs", "/campanile/api/admin/apps/%s/jobs", admin, "GET", "");
        credentialCases(cases, "GET /api/admin/apps/{app}/jobs", "GET " + jobs, "", false);

        bodyCases(cases, "POST /api/admin/apps/{app}/jobs/{id}/run", job + "/run", admin, run, false);
        bodyCases(cases, "POST /api/admin/apps/{app}/jobs/{id}/runs", job + "/runs", admin, runBatch, true);
        // backfill (issue 7): hostile values of each field, then ranges that are wrong (the seed job is an API job, so
        // no backfill of it may create anything: each must be refused whatever its range)
        Map<String, Field> backfill = fields(
                new Field("from", "\"2026-01-01T00:00:00Z\"", Kind.INSTANT, true),
                new Field("to", "\"2026-01-01T00:01:00Z\"", Kind.INSTANT, true),
                new Field("requestId", "\"b1\"", Kind.ID, false));
        bodyCases(cases, "POST /api/admin/apps/{app}/jobs/{id}/backfill", job + "/backfill", admin, backfill, true);
        for (String[] bad : new String[][] {
            {"to", "\"2025-12-31T00:00:00Z\""}, {"to", "\"2999-01-01T00:00:00Z\""},
            {"from", "\"1900-01-01T00:00:00Z\""}, {"requestId", "\"" + "r".repeat(41) + "\""}
        }) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs/{id}/backfill",
                    bad[0] + " " + bad[1],
                    job + "/backfill",
                    admin,
                    body(backfill, bad[0], bad[1])));
        }
        for (String runs : List.of(
                "[]",
                "[null]",
                "[1]",
                "[{\"requestId\":\"same\"},{\"requestId\":\"same\"}]",
                "[{\"delaySeconds\":1,\"at\":\"2030-01-01T00:00:00Z\"}]",
                "[{\"at\":\"1900-01-01T00:00:00Z\"}]",
                "[{\"at\":\"yesterday\"}]",
                "[{\"requestId\":\"a\\tb\"}]",
                "[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]")) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs/{id}/runs",
                    "runs " + RawHttp.cut(runs),
                    job + "/runs",
                    admin,
                    body(runBatch, "runs", runs)));
        }
        for (String[] bad : new String[][] {
            {"delaySeconds", "18446744073709551621"},
            {"delaySeconds", "1e308"},
            {"delaySeconds", "1.9"},
            {"delaySeconds", "31622401"},
            {"requestId", "\"" + "r".repeat(101) + "\""},
            {"requestId", "\"a\\tb\""},
            {"parameters", "\"" + "p".repeat(70_000) + "\""},
            {"parameters", "{\"k\":\"" + "p".repeat(70_000) + "\"}"},
            {"parameters", DEEP},
            {"parameters", "{\"k\":\"a\\u0000\"}"}
        }) {
            cases.add(post(
                    "POST /api/admin/apps/{app}/jobs/{id}/run",
                    bad[0] + " " + RawHttp.cut(bad[1]),
                    job + "/run",
                    admin,
                    body(run, bad[0], bad[1])));
        }
        pathCases(
                cases,
                "POST /api/admin/apps/{app}/jobs/{id}/run",
                "/campanile/api/admin/apps/%s/jobs/%s/run",
                admin,
                "POST",
                "{}");
        credentialCases(cases, "POST /api/admin/apps/{app}/jobs/{id}/run", "POST " + job + "/run", "{}", false);

        for (String query : List.of(
                "?limit=abc",
                "?limit=0",
                "?limit=1001",
                "?limit=-1",
                "?limit=1.5",
                "?limit=99999999999999999999",
                "?limit=%FF",
                "?limit=%00",
                "?limit=")) {
            cases.add(get(
                    "GET /api/admin/apps/{app}/jobs/{id}/instances",
                    "query " + query,
                    job + "/instances" + query,
                    admin));
        }
        pathCases(
                cases,
                "GET /api/admin/apps/{app}/jobs/{id}/instances",
                "/campanile/api/admin/apps/%s/jobs/%s/instances",
                admin,
                "GET",
                "");
        credentialCases(cases, "GET /api/admin/apps/{app}/jobs/{id}/instances", "GET " + job + "/instances", "", false);

        // one instance with its attempts (issue 8); the template's second %s is the instance id
        pathCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}",
                "/campanile/api/admin/apps/%s/instances/%s",
                admin,
                "GET",
                "");
        credentialCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}",
                "GET /campanile/api/admin/apps/" + APP + "/instances/1",
                "",
                false);
        methodCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}",
                "/campanile/api/admin/apps/" + APP + "/instances/1",
                admin,
                "POST",
                "DELETE");

        // an operator's hand on an instance (issue 8): bad paths, notes, credentials; the seed has no instance to act
        // on
        for (String action : List.of("stop", "retry", "succeed")) {
            String endpoint = "POST /api/admin/apps/{app}/instances/{id}/" + action;
            pathCases(cases, endpoint, "/campanile/api/admin/apps/%s/instances/%s/" + action, admin, "POST", "{}");
            credentialCases(
                    cases, endpoint, "POST /campanile/api/admin/apps/" + APP + "/instances/1/" + action, "{}", false);
            for (String body : List.of(
                    "{\"note\":5}",
                    "{\"note\":\"" + "n".repeat(1001) + "\"}",
                    "{\"note\":\"a\\u0000b\"}",
                    "{\"surprise\":1}",
                    "[]",
                    "{\"note\":")) {
                cases.add(post(
                        endpoint,
                        "body " + RawHttp.cut(body),
                        "/campanile/api/admin/apps/" + APP + "/instances/1/" + action,
                        admin,
                        body));
            }
        }

        // an attempt's run log (issue 8): bad paths and queries, credentials, methods
        pathCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}/logs",
                "/campanile/api/admin/apps/%s/instances/%s/logs",
                admin,
                "GET",
                "");
        for (String query : List.of(
                "?attempt=0",
                "?attempt=x",
                "?attempt=99999999999",
                "?after=-1",
                "?after=x",
                "?limit=0",
                "?limit=1001")) {
            cases.add(get(
                    "GET /api/admin/apps/{app}/instances/{id}/logs",
                    "query " + query,
                    "/campanile/api/admin/apps/" + APP + "/instances/" + instanceId + "/logs" + query,
                    admin));
        }
        credentialCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}/logs",
                "GET /campanile/api/admin/apps/" + APP + "/instances/1/logs",
                "",
                false);
        methodCases(
                cases,
                "GET /api/admin/apps/{app}/instances/{id}/logs",
                "/campanile/api/admin/apps/" + APP + "/instances/1/logs",
                admin,
                "POST",
                "DELETE");

        // an app's workers (issue 8)
        for (String badApp : List.of("a%20b", "%C3%A9", "a%01b", "nope", "a".repeat(300))) {
            cases.add(get(
                    "GET /api/admin/apps/{app}/workers",
                    "app " + RawHttp.cut(badApp),
                    "/campanile/api/admin/apps/" + badApp + "/workers",
                    admin));
        }
        credentialCases(
                cases,
                "GET /api/admin/apps/{app}/workers",
                "GET /campanile/api/admin/apps/" + APP + "/workers",
                "",
                false);
        methodCases(
                cases,
                "GET /api/admin/apps/{app}/workers",
                "/campanile/api/admin/apps/" + APP + "/workers",
                admin,
                "POST",
                "DELETE");

        credentialCases(cases, "GET /api/admin/cluster", "GET /campanile/api/admin/cluster", "", false);
        methodCases(cases, "GET /api/admin/cluster", "/campanile/api/admin/cluster", admin, "POST", "DELETE");

        v1Cases(cases, admin);
        roleCases(cases, admin);
        v1ChangeCases(cases, admin);

        // ----- health and paths that are no endpoint
        methodCases(cases, "GET /api/health", "/campanile/api/health", "", "POST", "PUT", "DELETE");
        cases.add(get("GET /api/health", "Accept: text/html", "/campanile/api/health", "Accept: text/html"));
        cases.add(get("GET /api/health", "query %FF", "/campanile/api/health?x=%FF", ""));
        for (String health : List.of("/api/health/live", "/api/health/ready")) {
            methodCases(cases, "GET " + health, "/campanile" + health, "", "POST", "PUT", "DELETE");
            cases.add(get("GET " + health, "Accept: text/html", "/campanile" + health, "Accept: text/html"));
            cases.add(get("GET " + health, "query %FF", "/campanile" + health + "?x=%FF", ""));
            cases.add(get("GET " + health, "query %C3%28", "/campanile" + health + "?%C3%28=1", ""));
        }
        // ----- the OpenAPI document: for anyone, GET only, YAML only
        methodCases(cases, "GET /api/openapi", "/campanile/api/openapi", "", "POST", "PUT", "DELETE");
        cases.add(get(
                "GET /api/openapi", "Accept: application/json", "/campanile/api/openapi", "Accept: application/json"));
        cases.add(get("GET /api/openapi", "query %FF", "/campanile/api/openapi?x=%FF", ""));
        // ----- the Prometheus scrape: the admin token, GET only, text only
        credentialCases(cases, "GET /api/metrics", "GET /campanile/api/metrics", "", false);
        methodCases(cases, "GET /api/metrics", "/campanile/api/metrics", admin, "POST", "PUT", "DELETE");
        cases.add(get(
                "GET /api/metrics",
                "Accept: application/json",
                "/campanile/api/metrics",
                admin + "\r\nAccept: application/json"));
        cases.add(get("GET /api/metrics", "query %FF", "/campanile/api/metrics?name=%FF", admin));
        cases.add(get("GET /api/metrics", "query %FF without a token", "/campanile/api/metrics?name=%FF", ""));
        for (String path : List.of(
                "/campanile/api/nothing",
                "/campanile/nothing",
                "/campanile/",
                "/campanile/api",
                "/campanile/api/admin/nothing",
                "/campanile/api/worker",
                "/campanile/api/health/x",
                "/campanile/api/application.wadl",
                "/campanile/api/admin/apps/" + APP + "/jobs/" + jobId + "/x")) {
            cases.add(get("no endpoint", path, path, admin));
        }
        // refused by Payara's HTTP listener itself (an encoded NUL, bytes that are not UTF-8): 400 without a body
        for (String path : List.of("/campanile/api/admin/apps/a%00/jobs", "/campanile/%FF")) {
            cases.add(new Case("no endpoint", path, head("GET", path, admin, null), new byte[0], true));
        }
        // WildFly's listener refuses an undecodable query itself (an empty 400); Payara's lets the WAR answer
        cases.add(new Case(
                "GET /api/admin/apps/{app}/jobs/{id}/instances",
                "query ?limit=%ZZ",
                head("GET", job + "/instances?limit=%ZZ", admin, null),
                new byte[0],
                true));
        // also the container's own: TRACE (405 without a body)
        cases.add(new Case(
                "GET /api/health", "TRACE", head("TRACE", "/campanile/api/health", "", null), new byte[0], true));
        return cases;
    }

    /** The v1 listings (issue 9): bad query parameters, bad paths, credentials and methods. */
    private static void v1Cases(List<Case> cases, String admin) {
        String v1 = "/campanile/api/v1/apps/" + APP;
        for (String query : List.of(
                "?state=DONE",
                "?state=waiting",
                "?state=WAITING,",
                "?state=",
                "?from=yesterday",
                "?to=2026-13-01T00:00:00Z",
                "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
                "?sort=name",
                "?sort=",
                "?limit=0",
                "?limit=1001",
                "?limit=abc",
                "?limit=99999999999999999999",
                "?cursor=abc",
                "?cursor=%00",
                "?cursor=" + "A".repeat(5000),
                "?cursor=bm90LWEtY3Vyc29y",
                "?job=a%20b",
                "?job=0",
                "?job=nope",
                "?worker=a%01b",
                "?worker=" + "w".repeat(300))) {
            cases.add(get("GET /api/v1/apps/{app}/instances", "query " + query, v1 + "/instances" + query, admin));
        }
        for (String query : List.of(
                "?name=a%20b", "?name=", "?enabled=yes", "?enabled=", "?limit=0", "?cursor=abc", "?cursor=%00")) {
            cases.add(get("GET /api/v1/apps/{app}/jobs", "query " + query, v1 + "/jobs" + query, admin));
        }
        for (String query : List.of(
                "?limit=0",
                "?limit=1001",
                "?limit=abc",
                "?cursor=abc",
                "?cursor=%00",
                "?cursor=" + "A".repeat(5000),
                "?cursor=bm90LWEtY3Vyc29y")) {
            cases.add(get("GET /api/v1/apps", "query " + query, "/campanile/api/v1/apps" + query, admin));
        }
        pathCases(cases, "GET /api/v1/apps/{app}/instances", "/campanile/api/v1/apps/%s/instances", admin, "GET", "");
        pathCases(cases, "GET /api/v1/apps/{app}/jobs", "/campanile/api/v1/apps/%s/jobs", admin, "GET", "");
        pathCases(
                cases,
                "GET /api/v1/apps/{app}/instances/{id}",
                "/campanile/api/v1/apps/%s/instances/%s",
                admin,
                "GET",
                "");
        for (String endpoint :
                List.of("/apps/" + APP + "/instances", "/apps/" + APP + "/jobs", "/apps", "/cluster", "/servers")) {
            String path = "/campanile/api/v1" + endpoint;
            String name = "GET /api/v1" + endpoint.replace("/" + APP + "/", "/{app}/");
            credentialCases(cases, name, "GET " + path, "", false);
            methodCases(cases, name, path, admin, "PUT", "DELETE", "PATCH");
        }
        credentialCases(cases, "POST /api/v1/apps", "POST /campanile/api/v1/apps", "{\"name\":\"x1\"}", false);
        credentialCases(
                cases, "POST /api/v1/apps/{app}/jobs/{id}/run", "POST " + v1 + "/jobs/" + jobId + "/run", "{}", false);
        cases.add(get("no endpoint", "/campanile/api/v1/nothing", "/campanile/api/v1/nothing", admin));
    }

    /**
     * Tokens, the audit log and roles (issue 9): bad token requests and names, bad audit queries, and requests a
     * token's role or app scope does not allow (403; recorded in the audit log as denied, which the snapshot leaves
     * out).
     */
    private static void roleCases(List<Case> cases, String admin) {
        String tokens = "/campanile/api/v1/tokens";
        Map<String, Field> token = fields(
                Field.id("name", "\"t1\""),
                new Field("role", "\"VIEWER\"", Kind.ENUM, true),
                new Field("apps", "[\"" + APP + "\"]", Kind.LIST, false));
        bodyCases(cases, "POST /api/v1/tokens", tokens, admin, token, true);
        for (String apps : List.of("[null]", "[]", "[\"nope\"]", "[\"a b\"]", "[1]", "[\"" + "a".repeat(65) + "\"]")) {
            cases.add(
                    post("POST /api/v1/tokens", "apps " + RawHttp.cut(apps), tokens, admin, body(token, "apps", apps)));
        }
        for (String name : List.of("\"bootstrap\"", "\"BOOTSTRAP\"", "\"hostile-viewer\"", "\"a/b\"", "\"\"")) {
            cases.add(post("POST /api/v1/tokens", "name " + name, tokens, admin, body(token, "name", name)));
        }
        credentialCases(cases, "POST /api/v1/tokens", "POST " + tokens, validBody(token), false);
        for (String name : List.of("nope", "a%20b", "a%01b", "a".repeat(300))) {
            cases.add(new Case(
                    "DELETE /api/v1/tokens/{name}",
                    "path " + RawHttp.cut(name),
                    head("DELETE", tokens + "/" + name, admin, null),
                    new byte[0],
                    false));
        }
        credentialCases(cases, "DELETE /api/v1/tokens/{name}", "DELETE " + tokens + "/hostile-viewer", "", false);
        credentialCases(cases, "GET /api/v1/tokens", "GET " + tokens, "", false);
        methodCases(cases, "GET /api/v1/tokens", tokens, admin, "PUT", "DELETE", "PATCH");
        String audit = "/campanile/api/v1/audit";
        for (String query : List.of(
                "?limit=0",
                "?limit=abc",
                "?cursor=abc",
                "?cursor=%00",
                "?from=yesterday",
                "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
                "?app=a%20b",
                "?actor=a%01b",
                "?actor=" + "a".repeat(65))) {
            cases.add(get("GET /api/v1/audit", "query " + query, audit + query, admin));
        }
        credentialCases(cases, "GET /api/v1/audit", "GET " + audit, "", false);
        methodCases(cases, "GET /api/v1/audit", audit, admin, "POST", "PUT", "DELETE");

        String viewer = "Authorization: Bearer " + viewerSecret;
        String scoped = "Authorization: Bearer " + scopedSecret;
        String v1 = "/campanile/api/v1/apps/" + APP;
        cases.add(post(
                "403 viewer",
                "POST /api/v1/apps",
                "/campanile/api/v1/apps",
                viewer,
                "{\"name\":\"x1\",\"secret\":\"secret-123\"}"));
        cases.add(post(
                "403 viewer",
                "POST jobs",
                v1 + "/jobs",
                viewer,
                "{\"name\":\"x1\",\"processor\":\"p\",\"scheduleType\":\"API\"}"));
        cases.add(post("403 viewer", "POST run", v1 + "/jobs/" + jobId + "/run", viewer, "{}"));
        cases.add(post("403 viewer", "POST pause", v1 + "/jobs/" + jobId + "/pause", viewer, "{}"));
        cases.add(post("403 viewer", "POST stop", v1 + "/instances/" + instanceId + "/stop", viewer, "{}"));
        cases.add(new Case(
                "403 viewer", "DELETE job", head("DELETE", v1 + "/jobs/" + jobId, viewer, null), new byte[0], false));
        cases.add(post("403 viewer", "POST tokens", tokens, viewer, validBody(token)));
        cases.add(get("403 viewer", "GET tokens", tokens, viewer));
        cases.add(get("403 viewer", "GET audit", audit, viewer));
        cases.add(new Case(
                "403 viewer",
                "PUT job",
                head("PUT", v1 + "/jobs/" + jobId, viewer, "application/json"),
                utf8("{\"processor\":\"p\",\"scheduleType\":\"API\"}"),
                false));
        cases.add(get("403 scoped", "GET cluster", "/campanile/api/v1/cluster", scoped));
        cases.add(get("403 scoped", "GET metrics", "/campanile/api/metrics", scoped));
        cases.add(get("403 scoped", "GET another app's jobs", "/campanile/api/v1/apps/other/jobs", scoped));
        cases.add(post("403 scoped", "POST tokens", tokens, scoped, validBody(token)));
        cases.add(post(
                "403 scoped",
                "POST /api/v1/apps",
                "/campanile/api/v1/apps",
                scoped,
                "{\"name\":\"x1\",\"secret\":\"secret-123\"}"));
    }

    /**
     * The bulk job changes, the import and export of jobs and the rotation of an app's secret (issue 9): each body
     * field with hostile values, jobs and apps that do not exist, and a document with one bad job among good ones;
     * all or nothing, so none of them changes anything.
     */
    private static void v1ChangeCases(List<Case> cases, String admin) {
        String v1 = "/campanile/api/v1/apps/" + APP;
        Map<String, Field> bulk = fields(
                new Field("action", "\"PAUSE\"", Kind.ENUM, true),
                new Field("ids", "[999999999]", Kind.LIST, false),
                new Field("names", "[\"seed\"]", Kind.LIST, false),
                new Field("note", "\"n\"", Kind.TEXT, false));
        bodyCases(cases, "POST /api/v1/apps/{app}/jobs/bulk", v1 + "/jobs/bulk", admin, bulk, true);
        for (String[] bad : new String[][] {
            {"ids", "[0]"},
            {"ids", "[null]"},
            {"ids", "[\"1\"]"},
            {"ids", "[-5]"},
            {"names", "[\"a b\"]"},
            {"names", "[null]"},
            {"names", "[\"nope\"]"},
            {"names", "[5]"},
            {"note", "\"" + "n".repeat(1001) + "\""}
        }) {
            cases.add(post(
                    "POST /api/v1/apps/{app}/jobs/bulk",
                    bad[0] + " " + RawHttp.cut(bad[1]),
                    v1 + "/jobs/bulk",
                    admin,
                    body(bulk, bad[0], bad[1])));
        }
        String manyIds = java.util.stream.LongStream.rangeClosed(1, 1001)
                .mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        cases.add(post(
                "POST /api/v1/apps/{app}/jobs/bulk",
                "1,001 ids",
                v1 + "/jobs/bulk",
                admin,
                "{\"action\":\"DELETE\",\"ids\":" + manyIds + "}"));
        cases.add(post(
                "POST /api/v1/apps/{app}/jobs/bulk",
                "the seed and an unknown job",
                v1 + "/jobs/bulk",
                admin,
                "{\"action\":\"DELETE\",\"ids\":[" + jobId + "],\"names\":[\"nope\"]}"));
        cases.add(post(
                "POST /api/v1/apps/{app}/jobs/bulk",
                "a note to a resume",
                v1 + "/jobs/bulk",
                admin,
                "{\"action\":\"RESUME\",\"names\":[\"seed\"],\"note\":\"x\"}"));
        cases.add(post(
                "POST /api/v1/apps/{app}/jobs/bulk",
                "no job named",
                v1 + "/jobs/bulk",
                admin,
                "{\"action\":\"PAUSE\",\"ids\":[],\"names\":[]}"));
        pathCases(
                cases,
                "POST /api/v1/apps/{app}/jobs/bulk",
                "/campanile/api/v1/apps/%s/jobs/bulk",
                admin,
                "POST",
                "{\"action\":\"DELETE\",\"names\":[\"seed\"]}");

        String job = "{\"name\":\"imported\",\"processor\":\"p\",\"scheduleType\":\"API\"}";
        Map<String, Field> document = fields(
                new Field("formatVersion", "1", Kind.INT, true),
                new Field("app", "\"a\"", Kind.TEXT, false),
                new Field("exportedAt", "\"2026-01-01T00:00:00Z\"", Kind.INSTANT, false),
                new Field(
                        "jobs",
                        "[" + job + ",{\"name\":\"bad\",\"processor\":\"p\",\"cron\":\"* * *\"}]",
                        Kind.LIST,
                        true));
        String imports = v1 + "/jobs/import";
        bodyCases(cases, "POST /api/v1/apps/{app}/jobs/import", imports, admin, document, true);
        for (String jobs : List.of(
                "[" + job + ",{\"name\":\"seed\",\"processor\":\"q\",\"scheduleType\":\"API\"},null]",
                "[" + job + "," + job + "]",
                "[{\"name\":\"123\",\"processor\":\"p\"}]",
                "[{\"name\":\"x\",\"processor\":\"p\",\"scheduleType\":\"WEEKLY\"}]",
                "[{\"name\":\"x\",\"processor\":\"p\",\"scheduleType\":\"API\",\"cron\":\"* * * * * *\"}]",
                "[{\"name\":\"x\",\"processor\":\"p\",\"timeZone\":\"Mars/Base\",\"cron\":\"* * * * * *\"}]",
                "[{\"name\":\"x\",\"processor\":\"p\",\"surprise\":1}]",
                "[" + job + ",5]")) {
            cases.add(post(
                    "POST /api/v1/apps/{app}/jobs/import",
                    "jobs " + RawHttp.cut(jobs),
                    imports,
                    admin,
                    body(document, "jobs", jobs)));
        }
        cases.add(post(
                "POST /api/v1/apps/{app}/jobs/import",
                "formatVersion 2",
                imports,
                admin,
                body(document, "formatVersion", "2")));
        for (String query : List.of("?deleteMissing=maybe", "?deleteMissing=", "?deleteMissing=%00")) {
            cases.add(post(
                    "POST /api/v1/apps/{app}/jobs/import",
                    "query " + query,
                    imports + query,
                    admin,
                    "{\"formatVersion\":1,\"jobs\":[" + job + "]}"));
        }
        pathCases(
                cases,
                "POST /api/v1/apps/{app}/jobs/import",
                "/campanile/api/v1/apps/%s/jobs/import",
                admin,
                "POST",
                "{\"formatVersion\":1,\"jobs\":[" + job + "]}");
        pathCases(
                cases, "GET /api/v1/apps/{app}/jobs/export", "/campanile/api/v1/apps/%s/jobs/export", admin, "GET", "");
        credentialCases(cases, "GET /api/v1/apps/{app}/jobs/export", "GET " + v1 + "/jobs/export", "", false);

        Map<String, Field> rotation = fields(
                new Field("secret", "\"a-new-secret\"", Kind.TEXT, true),
                new Field("grace", "\"PT1M\"", Kind.TEXT, false));
        String secret = v1 + "/secret";
        bodyCases(cases, "POST /api/v1/apps/{app}/secret", secret, admin, rotation, true);
        for (String[] bad : new String[][] {
            {"secret", "\"short\""},
            {"secret", "\"" + "s".repeat(201) + "\""},
            {"secret", "\"" + SECRET + "\""},
            {"grace", "\"P8D\""},
            {"grace", "\"-PT1S\""},
            {"grace", "\"soon\""},
            {"grace", "\"\""}
        }) {
            cases.add(post(
                    "POST /api/v1/apps/{app}/secret",
                    bad[0] + " " + RawHttp.cut(bad[1]),
                    secret,
                    admin,
                    body(rotation, bad[0], bad[1])));
        }
        pathCases(
                cases,
                "POST /api/v1/apps/{app}/secret",
                "/campanile/api/v1/apps/%s/secret",
                admin,
                "POST",
                "{\"secret\":\"a-new-secret\"}");
        methodCases(cases, "POST /api/v1/apps/{app}/secret", secret, admin, "GET", "PUT");
    }

    // ----- case builders

    private enum Kind {
        ID,
        TEXT,
        ANY_JSON,
        INT,
        LONG,
        DOUBLE,
        BOOL,
        ENUM,
        LIST,
        INSTANT
    }

    /** A body field: its valid JSON text, its kind and whether the endpoint requires it. */
    private record Field(String name, String valid, Kind kind, boolean required) {
        static Field id(String name, String valid) {
            return new Field(name, valid, Kind.ID, true);
        }

        static Field number(String name, String valid, Kind kind) {
            return new Field(name, valid, kind, true);
        }

        /** JSON values that this kind of field must refuse. */
        List<String> hostileValues() {
            List<String> values = new ArrayList<>();
            switch (kind) {
                case ID -> values.addAll(List.of(
                        "5",
                        "true",
                        "{}",
                        "\"a\\u0000b\"",
                        "\"a\\u0001b\"",
                        "\"a\\tb\"",
                        "\"\\ud800\"",
                        "\"" + HUGE + "\""));
                case TEXT -> values.addAll(
                        List.of("5", "false", "[]", "\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\udc00\""));
                case ANY_JSON -> values.addAll(List.of("\"a\\u0000b\"", "{\"k\":\"\\u0007\"}", DEEP));
                case INT, LONG -> values.addAll(
                        List.of("\"1\"", "1.5", "-1", "18446744073709551621", "1e308", "-1e308", "true", "[1]"));
                case DOUBLE -> values.addAll(List.of("\"0.5\"", "1e400", "true", "{}"));
                case BOOL -> values.addAll(List.of("\"yes\"", "\"true\"", "1", "[]"));
                case ENUM -> values.addAll(
                        List.of("\"WEEKLY\"", "\"running\"", "1", "\"\\u0000\"", "\"" + HUGE + "\""));
                case LIST -> values.addAll(List.of("{}", "\"x\"", "1"));
                case INSTANT -> values.addAll(
                        List.of("5", "\"yesterday\"", "\"2030-13-01T00:00:00Z\"", "\"2030-01-01T00:00:00\"", "{}"));
            }
            if (required) {
                values.add("null");
            }
            return values;
        }
    }

    private static Map<String, Field> fields(Field... fields) {
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field f : fields) {
            map.put(f.name(), f);
        }
        return map;
    }

    /** The valid body with one field's JSON text replaced. */
    private static String body(Map<String, Field> fields, String name, String value) {
        StringBuilder json = new StringBuilder("{");
        fields.values().forEach(f -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(f.name())
                .append("\":")
                .append(f.name().equals(name) ? value : f.valid()));
        if (!fields.containsKey(name)) {
            json.append(",\"").append(name).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    /** A JSON object with one more field. */
    private static String withField(String object, String name, String value) {
        return object.substring(0, object.length() - 1) + ",\"" + name + "\":" + value + "}";
    }

    private static String validBody(Map<String, Field> fields) {
        return body(fields, "", "");
    }

    /** Each field with each value it must refuse, then broken JSON, media types and sizes. */
    private static void bodyCases(
            List<Case> cases,
            String endpoint,
            String path,
            String auth,
            Map<String, Field> fields,
            boolean bodyRequired) {
        String valid = validBody(fields);
        for (Field field : fields.values()) {
            for (String value : field.hostileValues()) {
                cases.add(post(
                        endpoint,
                        field.name() + " = " + RawHttp.cut(value),
                        path,
                        auth,
                        body(fields, field.name(), value)));
            }
            if (field.required()) {
                String without = valid.replace("\"" + field.name() + "\":" + field.valid(), "")
                        .replace("{,", "{")
                        .replace(",,", ",")
                        .replace(",}", "}");
                cases.add(post(endpoint, "without " + field.name(), path, auth, without));
            }
        }
        cases.add(post(endpoint, "unknown property", path, auth, body(fields, "surprise", "1")));
        cases.add(post(endpoint, "unknown property named with NUL", path, auth, body(fields, "a\\u0000", "1")));
        Field first = fields.values().iterator().next();
        cases.add(post(
                endpoint,
                "repeated property",
                path,
                auth,
                "{\"" + first.name() + "\":" + first.valid() + "," + valid.substring(1)));
        for (String broken : List.of(
                "[" + valid + "]",
                valid + "x",
                valid + " {}",
                valid + "]",
                valid.substring(0, valid.length() / 2),
                "{",
                "\"" + "s" + "\"",
                "42",
                "null",
                "{\"a\" 1}",
                "{'a': 1}",
                valid.replace("\":", "\": \u0000"))) {
            cases.add(post(endpoint, "malformed " + RawHttp.cut(broken), path, auth, broken));
        }
        if (bodyRequired) {
            cases.add(post(endpoint, "empty body", path, auth, ""));
            cases.add(post(endpoint, "empty object", path, auth, "{}"));
        }
        byte[] latin1 = valid.replace("}", ",\"x\":\"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        cases.add(new Case(
                endpoint, "bytes that are not UTF-8", head("POST", path, auth, "application/json"), latin1, false));
        cases.add(new Case(
                endpoint,
                "charset latin1",
                head("POST", path, auth, "application/json; charset=latin1"),
                utf8(valid),
                false));
        cases.add(new Case(
                endpoint,
                "charset bogus",
                head("POST", path, auth, "application/json; charset=bogus"),
                utf8(valid),
                false));
        cases.add(new Case(endpoint, "text/plain", head("POST", path, auth, "text/plain"), utf8(valid), false));
        cases.add(new Case(endpoint, "no media type", head("POST", path, auth, null), utf8(valid), false));
        cases.add(new Case(
                endpoint,
                "APPLICATION/JSON with a bad value",
                head("POST", path, auth, "APPLICATION/JSON"),
                utf8(body(
                        fields,
                        fields.values().stream()
                                .filter(f -> f.kind() != Kind.ANY_JSON)
                                .findFirst()
                                .orElseThrow()
                                .name(),
                        "[[]]")),
                false));
        byte[] big = utf8("{\"" + fields.keySet().iterator().next() + "\":\"" + "b".repeat(1_100_000) + "\"}");
        cases.add(new Case(endpoint, "body of 1.1 MB", head("POST", path, auth, "application/json"), big, false));
        cases.add(new Case(
                endpoint,
                "chunked body of 1.1 MB",
                head("POST", path, auth, "application/json") + "\r\nTransfer-Encoding: chunked",
                RawHttp.chunked(big),
                false));
        credentialCases(cases, endpoint, "POST " + path, valid, path.contains("/worker/"));
    }

    /** No credential, a wrong one, a malformed header; for workers also an unknown app. */
    private static void credentialCases(
            List<Case> cases, String endpoint, String methodAndPath, String body, boolean worker) {
        String requestLine = methodAndPath + " HTTP/1.1";
        String json = "\r\nContent-Type: application/json";
        String app = worker ? "\r\nCampanile-App: " + APP : "";
        cases.add(new Case(endpoint, "no credentials", requestLine + app + json, utf8(body), false));
        cases.add(new Case(
                endpoint,
                "wrong credentials",
                requestLine + app + "\r\nAuthorization: Bearer wrong-token" + json,
                utf8(body),
                false));
        cases.add(new Case(
                endpoint,
                "Basic instead of Bearer",
                requestLine + app + "\r\nAuthorization: Basic " + (worker ? SECRET : ADMIN_TOKEN) + json,
                utf8(body),
                false));
        cases.add(new Case(
                endpoint,
                "the other role's token",
                requestLine + app + "\r\nAuthorization: Bearer "
                        + (requestLine.contains("/admin")
                                        || requestLine.contains("/v1")
                                        || requestLine.contains("/metrics")
                                ? CLUSTER_TOKEN
                                : ADMIN_TOKEN)
                        + json,
                utf8(body),
                false));
        if (worker) {
            cases.add(new Case(
                    endpoint,
                    "unknown app",
                    requestLine + "\r\nCampanile-App: nope\r\nAuthorization: Bearer " + SECRET + json,
                    utf8(body),
                    false));
            cases.add(new Case(
                    endpoint,
                    "no app header",
                    requestLine + "\r\nAuthorization: Bearer " + SECRET + json,
                    utf8(body),
                    false));
        }
    }

    /** Path parameters that are not what the endpoint takes: bad app names, job ids that are no number. */
    private static void pathCases(
            List<Case> cases, String endpoint, String template, String auth, String method, String body) {
        boolean hasJob = template.split("%s", -1).length > 2;
        List<String[]> paths = new ArrayList<>();
        for (String badApp : List.of("a%20b", "%C3%A9", "a%01b", "nope", "a".repeat(300))) {
            paths.add(new String[] {badApp, Long.toString(jobId)});
        }
        if (hasJob) {
            for (String badJob : List.of("abc", "1.5", "-1", "0", "99999999999999999999", "999999999")) {
                paths.add(new String[] {APP, badJob});
            }
        }
        for (String[] p : paths) {
            String path = hasJob ? String.format(template, p[0], p[1]) : String.format(template, p[0]);
            cases.add(new Case(
                    endpoint,
                    "path " + RawHttp.cut(path),
                    head(method, path, auth, "application/json"),
                    utf8(body),
                    false));
        }
        // refused by Payara's HTTP listener itself, before the WAR: an empty 400
        String undecodable = hasJob ? String.format(template, APP, "%FF") : String.format(template, "%FF");
        cases.add(new Case(
                endpoint,
                "path " + undecodable,
                head(method, undecodable, auth, "application/json"),
                utf8(body),
                true));
    }

    private static void methodCases(List<Case> cases, String endpoint, String path, String auth, String... methods) {
        for (String method : methods) {
            cases.add(new Case(endpoint, "method " + method, head(method, path, auth, null), new byte[0], false));
        }
        // Payara's HTTP listener answers a DELETE that carries a body with an empty 400 of its own
        cases.add(new Case(
                endpoint, "DELETE with a body", head("DELETE", path, auth, "application/json"), utf8("{}"), true));
    }

    private static Case get(String endpoint, String what, String path, String headers) {
        return new Case(endpoint, what, head("GET", path, headers, null), new byte[0], false);
    }

    private static Case post(String endpoint, String what, String path, String auth, String body) {
        return new Case(endpoint, what, head("POST", path, auth, "application/json"), utf8(body), false);
    }

    private static String head(String method, String path, String headers, String contentType) {
        return method + " " + path + " HTTP/1.1" + (headers.isEmpty() ? "" : "\r\n" + headers)
                + (contentType == null ? "" : "\r\nContent-Type: " + contentType);
    }

    // ----- plumbing

    private static RawHttp.Answer admin(String method, String path, String body) {
        return http.send(
                head(method, "/campanile/api/admin" + path, "Authorization: Bearer " + ADMIN_TOKEN, "application/json"),
                body);
    }

    private static RawHttp.Answer worker(String method, String path, String body) {
        return http.send(
                head(
                        method,
                        "/campanile/api/worker" + path,
                        "Campanile-App: " + APP + "\r\nAuthorization: Bearer " + SECRET,
                        "application/json"),
                body);
    }

    private static RawHttp.Answer ok(RawHttp.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(
                    "expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static JsonObject json(RawHttp.Answer answer) {
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The scheduling tables, row by row, without the columns that a healthy server moves by itself
     * (its heartbeat, its lease renewals).
     */
    private static String snapshot(Connection db) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String query : List.of(
                "SELECT id, url, started_at FROM server_node ORDER BY id",
                "SELECT * FROM app ORDER BY id",
                "SELECT app_name, owner_id, owner_url, epoch, changed_at FROM server_info ORDER BY app_name",
                "SELECT * FROM ownership_change ORDER BY id",
                "SELECT * FROM job ORDER BY id",
                "SELECT * FROM job_instance ORDER BY id",
                "SELECT * FROM api_token ORDER BY name",
                // a request refused 403 is recorded, flagged denied; nothing else may be
                "SELECT * FROM audit_log WHERE NOT denied ORDER BY id")) {
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(query)) {
                ResultSetMetaData meta = rows.getMetaData();
                all.append(query).append('\n');
                while (rows.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        all.append(rows.getString(i)).append('|');
                    }
                    all.append('\n');
                }
            }
        }
        return all.toString();
    }

    private static String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(server.logFile());
            String log = new String(
                    bytes,
                    (int) Math.min(offset, bytes.length),
                    (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.ISO_8859_1);
            Matcher colours = Pattern.compile("\u001B\\[[0-9;]*m").matcher(log);
            return colours.replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
