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
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health endpoints and the Prometheus scrape of the built WAR in Payara Micro (embedded H2): a run goes through
 * the worker protocol, then the scrape shows it.
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
