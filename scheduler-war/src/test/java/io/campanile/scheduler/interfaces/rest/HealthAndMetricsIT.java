package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.Headers;
import io.campanile.api.ReportedState;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health endpoints, the Prometheus scrape and the OpenAPI document of the built WAR in Payara Micro (embedded H2):
 * a run goes through the worker protocol, then the scrape shows it; the document served is the file, and each of its
 * GET operations without a path parameter answers as it documents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndMetricsIT extends DeployedWarClient {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("campanile.war")));
    }

    @Test
    void live_answers_up_and_ready_names_each_check_up_once_the_loops_run() {
        try (Response live = http.target(base).path("api/health/live").request().get()) {
            assertThat(live.getStatus()).isEqualTo(200);
            assertThat(live.readEntity(Map.class)).containsEntry("status", "UP");
        }

        Map<?, ?> ready = awaitReady();

        assertThat(ready.get("status")).isEqualTo("UP");
        assertThat(ready.get("checks")).isEqualTo(Map.of("database", "UP", "migrations", "UP", "timerLoops", "UP"));
    }

    @Test
    void the_scrape_needs_the_admin_token_and_shows_a_run_its_fire_lag_and_the_owned_app() {
        String app = "metered-" + Long.toHexString(System.nanoTime());
        runOnce(app);

        try (Response none = http.target(base).path("api/metrics").request().get();
                Response wrong = http.target(base)
                        .path("api/metrics")
                        .request()
                        .header(HttpHeaders.AUTHORIZATION, Headers.bearer("not-the-token"))
                        .get()) {
            assertThat(none.getStatus()).isEqualTo(401);
            assertThat(none.readEntity(String.class)).contains("the admin token");
            assertThat(wrong.getStatus()).isEqualTo(401);
        }
        try (Response scrape = http.target(base)
                .path("api/metrics")
                .request()
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN))
                .get()) {
            assertThat(scrape.getStatus()).isEqualTo(200);
            assertThat(scrape.getHeaderString(HttpHeaders.CONTENT_TYPE)).startsWith("text/plain");
            assertThat(scrape.readEntity(String.class))
                    .contains("campanile_runs_ended_total{app=\"" + app + "\",outcome=\"SUCCEEDED\"} 1.0")
                    .contains("campanile_fire_lag_seconds_count{app=\"" + app + "\"} 1")
                    .contains("campanile_fire_lag_seconds_bucket{app=\"" + app + "\",le=\"+Inf\"} 1")
                    .contains("campanile_ownership_changes_total{reason=\"FIRST_CLAIM\"}")
                    .contains("campanile_app_epoch{app=\"" + app + "\"} 1.0")
                    .contains("campanile_db_call_seconds_count{operation=\"claim\"}")
                    .contains("campanile_db_call_seconds_count{operation=\"report\"}");
        }
        try (Response post = http.target(base)
                .path("api/metrics")
                .request()
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN))
                .post(Entity.json("{}"))) {
            assertThat(post.getStatus()).isEqualTo(405);
        }
    }

    @Test
    void the_served_openapi_document_is_the_file_and_its_gets_without_ids_answer_as_documented() throws IOException {
        String file;
        try (InputStream in = getClass().getResourceAsStream(OpenApiResource.DOCUMENT)) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Response served = http.target(base).path("api/openapi").request().get()) {
            assertThat(served.getStatus()).as("without credentials").isEqualTo(200);
            assertThat(served.getHeaderString(HttpHeaders.CONTENT_TYPE)).startsWith(OpenApiResource.YAML);
            assertThat(served.readEntity(String.class)).isEqualTo(file);
        }
        String app = "documented-" + Long.toHexString(System.nanoTime());
        admin.createApp(app, "secret-of-" + app);
        awaitReady();

        List<String> wrong = new ArrayList<>();
        new OpenAPIV3Parser()
                .readContents(file, null, new ParseOptions())
                .getOpenAPI()
                .getPaths()
                .forEach((path, item) -> {
                    if (item.getGet() != null && !path.contains("{")) {
                        String problem = answersAsDocumented(path, item.getGet(), app);
                        if (problem != null) {
                            wrong.add("GET " + path + ": " + problem);
                        }
                    }
                });

        assertThat(wrong).as("documented GET operations that answer otherwise").isEmpty();
    }

    /** Null when the GET answers one of its documented statuses (not 401, 404 or 405) with the documented type. */
    private String answersAsDocumented(String path, Operation get, String app) {
        Invocation.Builder request = http.target(base)
                .path("api" + path)
                .queryParam("app", app) // ping's one required parameter; the others ignore it
                .request();
        Set<String> schemes = get.getSecurity() == null
                ? Set.of()
                : get.getSecurity().stream().flatMap(r -> r.keySet().stream()).collect(Collectors.toSet());
        if (schemes.contains("adminToken")) {
            request.header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN));
        } else if (schemes.contains("clusterToken")) {
            request.header(HttpHeaders.AUTHORIZATION, Headers.bearer(CLUSTER_TOKEN));
        } else if (schemes.contains("appSecret")) {
            request.header(Headers.APP, app).header(HttpHeaders.AUTHORIZATION, Headers.bearer("secret-of-" + app));
        }
        try (Response answer = request.get()) {
            String status = String.valueOf(answer.getStatus());
            ApiResponse documented = get.getResponses().get(status);
            if (Set.of("401", "404", "405").contains(status) || documented == null) {
                return "answered " + status + " " + answer.readEntity(String.class);
            }
            String type = answer.getHeaderString(HttpHeaders.CONTENT_TYPE);
            boolean typeDocumented = documented.getContent() == null
                    || documented.getContent().keySet().stream().anyMatch(t -> type != null && type.startsWith(t));
            return typeDocumented
                    ? null
                    : "answered " + status + " as " + type + ", documented as "
                            + documented.getContent().keySet();
        }
    }

    /** An on-demand run through discovery, poll, claim and a report that says when the processor started. */
    private void runOnce(String app) {
        admin.createApp(app, "secret-of-" + app);
        JobView job = admin.createJob(app, JobDefinition.onDemand("meter", "meter"));
        DiscoveryAnswer owner = worker(app, "api/worker/discovery").get(DiscoveryAnswer.class);
        InstanceView run = admin.runJob(app, job.id(), new RunRequest(null, null, "once"));
        PollAnswer work = worker(app, "api/worker/poll")
                .post(Entity.json(new PollRequest("worker-1", 1, owner.epoch(), null)), PollAnswer.class);
        assertThat(work.assignments()).singleElement().satisfies(a -> assertThat(a.instanceId())
                .isEqualTo(run.id()));
        ClaimAnswer claimed = worker(app, "api/worker/claims")
                .post(
                        Entity.json(new ClaimRequest("worker-1", owner.epoch(), List.of(new Claim(run.id(), 1)))),
                        ClaimAnswer.class);
        assertThat(claimed.claimed()).hasSize(1);
        ReportAnswer reported = worker(app, "api/worker/reports")
                .post(
                        Entity.json(new ReportBatch(
                                "worker-1",
                                List.of(new Outcome(
                                        run.id(), 1, ReportedState.SUCCEEDED, "metered", null, Instant.now(), null)))),
                        ReportAnswer.class);
        assertThat(reported.recorded()).isEqualTo(1);
    }

    private Map<?, ?> awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Response ready =
                    http.target(base).path("api/health/ready").request().get()) {
                Map<?, ?> body = ready.readEntity(Map.class);
                if (ready.getStatus() == 200 || System.nanoTime() > deadline) {
                    assertThat(ready.getStatus()).as("readiness: %s", body).isEqualTo(200);
                    return body;
                }
                assertThat(ready.getStatus()).isEqualTo(503);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private Invocation.Builder worker(String app, String path) {
        return http.target(base)
                .path(path)
                .request(MediaType.APPLICATION_JSON)
                .header(Headers.APP, app)
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer("secret-of-" + app));
    }
}
