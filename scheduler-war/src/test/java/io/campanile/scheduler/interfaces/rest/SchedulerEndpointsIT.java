package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.GapRule;
import io.campanile.api.Headers;
import io.campanile.api.InstanceState;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.ReportedState;
import io.campanile.api.ScheduleType;
import io.campanile.api.TriggerType;
import io.campanile.api.admin.AppPage;
import io.campanile.api.admin.AppView;
import io.campanile.api.admin.AuditEntry;
import io.campanile.api.admin.AuditPage;
import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.ErrorCode;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstancePage;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobBulkAction;
import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobPage;
import io.campanile.api.admin.JobResult;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.Role;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.SchedulePreview;
import io.campanile.api.admin.SecretRotationAnswer;
import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenRequest;
import io.campanile.api.admin.TokenView;
import io.campanile.api.client.AuditListing;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.client.CampanileClientException;
import io.campanile.api.client.InstanceListing;
import io.campanile.api.client.JobListing;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PingAnswer;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR in Payara Micro (embedded H2), driven over HTTP on 127.0.0.1: discovery, the admin
 * API, the worker protocol, and the credentials every endpoint requires.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulerEndpointsIT extends DeployedWarClient {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("campanile.war")));
    }

    @Test
    void health_needs_no_credentials_and_names_the_server() {
        Map<?, ?> health = http.target(base).path("api/health").request().get(Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat((String) health.get("serverId")).startsWith("s-");
    }

    @Test
    void admin_calls_without_the_admin_token_get_401_and_change_nothing() {
        String app = unique("sneaky");
        try (Response none = http.target(base)
                        .path("api/admin/apps")
                        .request()
                        .post(Entity.json(Map.of("name", app, "secret", "secret-123")));
                Response wrong = http.target(base)
                        .path("api/admin/apps")
                        .request()
                        .header(HttpHeaders.AUTHORIZATION, Headers.bearer("not-the-token"))
                        .post(Entity.json(Map.of("name", app, "secret", "secret-123")));
                Response cluster = http.target(base)
                        .path("api/cluster/ping")
                        .queryParam("app", app)
                        .request()
                        .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN))
                        .get()) {
            assertThat(none.getStatus()).isEqualTo(401);
            assertThat(wrong.getStatus()).isEqualTo(401);
            assertThat(wrong.readEntity(String.class)).contains("admin token").doesNotContain("not-the-token");
            assertThat(cluster.getStatus())
                    .as("the admin token is not the cluster token")
                    .isEqualTo(401);
        }
        assertThat(admin.listApps()).extracting(AppView::name).doesNotContain(app);
    }

    @Test
    void bad_input_gets_4xx_naming_the_problem() {
        String app = unique("checked");
        assertRejected(() -> admin.createApp("bad name!", "secret-123"), 400, "name");
        assertRejected(() -> admin.createApp(app, "short"), 400, "secret");
        admin.createApp(app, "secret-123");
        assertRejected(() -> admin.createApp(app, "secret-123"), 409, "already exists");
        assertRejected(() -> admin.createJob(app, JobDefinition.cron("j", "hello", "* * *")), 400, "cron");
        assertRejected(
                () -> admin.createJob(
                        app, JobDefinition.cron("j", "hello", "* * * * * *").withTimeZone("Mars/Base")),
                400,
                "timeZone");
        assertRejected(() -> admin.createJob(app, JobDefinition.cron("j", null, "* * * * * *")), 400, "processor");
        assertRejected(() -> admin.createJob("no-such-app", JobDefinition.onDemand("j", "hello")), 404, "no-such-app");
        assertRejected(() -> admin.runJob(app, 999_999, RunRequest.now()), 404, "999999");
        try (Response malformed = adminRequest("api/admin/apps/" + app + "/jobs")
                .post(Entity.entity("{\"name\": ", MediaType.APPLICATION_JSON))) {
            assertThat(malformed.getStatus()).isEqualTo(400);
            assertThat(malformed.readEntity(String.class)).contains("JSON");
        }
        assertThat(admin.listJobs(app)).as("nothing half-written").isEmpty();
    }

    @Test
    void a_worker_discovers_the_owner_and_runs_a_requested_job_end_to_end() {
        String app = unique("shop");
        admin.createApp(app, "secret-of-shop");
        JobView job = admin.createJob(
                app, JobDefinition.onDemand("invoice", "invoicer").withParameters("{\"n\":1}"));

        try (Response wrong =
                worker(app, "wrong-secret", "api/worker/discovery").get()) {
            assertThat(wrong.getStatus()).isEqualTo(401);
        }
        DiscoveryAnswer owner =
                worker(app, "secret-of-shop", "api/worker/discovery").get(DiscoveryAnswer.class);
        Map<?, ?> health = http.target(base).path("api/health").request().get(Map.class);
        assertThat(owner.serverId()).isEqualTo(health.get("serverId"));
        assertThat(owner.epoch()).isGreaterThanOrEqualTo(1);

        ClusterView cluster = admin.cluster();
        assertThat(cluster.ownerships())
                .filteredOn(o -> o.appName().equals(app))
                .singleElement()
                .satisfies(o -> assertThat(o.epoch()).isEqualTo(owner.epoch()));
        assertThat(cluster.history()).anySatisfy(h -> assertThat(h.appName()).isEqualTo(app));
        PingAnswer ping = http.target(base)
                .path("api/cluster/ping")
                .queryParam("app", app)
                .request()
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer(CLUSTER_TOKEN))
                .get(PingAnswer.class);
        assertThat(ping.owner()).isTrue();

        InstanceView run = admin.runJob(app, job.id(), new RunRequest(null, null, "order-42"));
        InstanceView again = admin.runJob(app, job.id(), new RunRequest(null, null, "order-42"));
        assertThat(again.id()).as("same request id, same instance").isEqualTo(run.id());

        PollAnswer work = worker(app, "secret-of-shop", "api/worker/poll")
                .post(Entity.json(new PollRequest("worker-1", 4, owner.epoch(), null)), PollAnswer.class);
        assertThat(work.assignments()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(run.id());
            assertThat(a.epoch()).isEqualTo(owner.epoch());
            assertThat(a.processor()).isEqualTo("invoicer");
            assertThat(a.parameters()).isEqualTo("{\"n\":1}");
        });

        ClaimAnswer stale =
                claim(app, new ClaimRequest("worker-1", owner.epoch() + 1, List.of(new Claim(run.id(), 1))));
        assertThat(stale.claimed()).as("a claim under another epoch").isEmpty();
        assertThat(stale.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("no longer the epoch"));
        ClaimAnswer claimed = claim(app, new ClaimRequest("worker-1", owner.epoch(), List.of(new Claim(run.id(), 1))));
        assertThat(claimed.claimed()).containsExactly(new Claim(run.id(), 1));
        ReportAnswer reported = report(
                app,
                new ReportBatch(
                        "worker-1",
                        List.of(
                                new Outcome(run.id(), 1, ReportedState.SUCCEEDED, "done", null, null, null),
                                new Outcome(
                                        run.id() + 1_000_000, 1, ReportedState.FAILED, "unknown", null, null, null))));
        assertThat(reported.recorded()).isEqualTo(1);
        assertThat(reported.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("has no instance"));
        ReportAnswer late = report(
                app,
                new ReportBatch(
                        "worker-1", List.of(new Outcome(run.id(), 2, ReportedState.FAILED, "late", null, null, null))));
        assertThat(late.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("is at attempt 1"));

        RunBatchAnswer batch = admin.runJobBatch(
                app,
                job.id(),
                new RunBatch(List.of(
                        new RunRequest(null, null, "bulk-1"),
                        RunRequest.at(java.time.Instant.now().plusSeconds(3600), "bulk-2"))));
        assertThat(batch.created()).isEqualTo(2);
        assertThat(admin.runJobBatch(app, job.id(), new RunBatch(List.of(new RunRequest(null, null, "bulk-1"))))
                        .instanceIds())
                .containsExactly(batch.instanceIds().get(0));

        assertThat(admin.listInstances(app, job.id(), 10))
                .hasSize(3)
                .filteredOn(i -> i.id() == run.id())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.state()).isEqualTo(InstanceState.SUCCEEDED);
                    assertThat(i.workerId()).isEqualTo("worker-1");
                    assertThat(i.result()).isEqualTo("done");
                    assertThat(i.startedAt()).isNotNull();
                });
    }

    @Test
    void a_failed_run_is_retried_after_its_backoff_knowing_the_failure_before_it_and_its_history_is_kept() {
        String app = unique("shop");
        admin.createApp(app, "secret-of-shop");
        assertRejected(
                () -> admin.createJob(
                        app, JobDefinition.onDemand("x", "charger").withRetry(RetryDefinition.attempts(0))),
                400,
                "retry.maxAttempts");
        JobView job = admin.createJob(
                app,
                JobDefinition.onDemand("charge", "charger")
                        .withRetry(RetryDefinition.attempts(2)
                                .withBackoff(Duration.ofSeconds(1), null)
                                .withJitter(0))
                        .withTimeout(Duration.ofSeconds(30)));
        assertThat(job.retry()).isEqualTo(new RetryDefinition(2, "PT1S", "PT5M", 0.0, null));
        assertThat(job.timeout()).isEqualTo("PT30S");
        DiscoveryAnswer owner =
                worker(app, "secret-of-shop", "api/worker/discovery").get(DiscoveryAnswer.class);
        InstanceView run = admin.runJob(app, job.id(), new RunRequest(null, null, "charge-1"));

        Assignment first = pollFor(app, owner.epoch(), run.id());
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.previousOutcome()).isNull();
        assertThat(first.timeoutMillis())
                .as("the worker enforces the time limit")
                .isEqualTo(30_000L);
        claim(app, new ClaimRequest("worker-1", owner.epoch(), List.of(new Claim(run.id(), 1))));
        Instant failedAt = Instant.now();
        assertThat(report(
                                app,
                                new ReportBatch(
                                        "worker-1",
                                        List.of(new Outcome(
                                                run.id(), 1, ReportedState.FAILED, "card declined", null, null, null))))
                        .recorded())
                .isEqualTo(1);

        InstanceView waiting = admin.instance(app, run.id()).instance();
        assertThat(waiting.state()).isEqualTo(InstanceState.WAITING);
        assertThat(waiting.attempt()).isEqualTo(2);
        assertThat(waiting.result()).isEqualTo("attempt 1 failed: card declined");
        assertThat(waiting.dueAt()).isAfter(failedAt.plusMillis(500));

        Assignment second = pollFor(app, owner.epoch(), run.id());
        assertThat(Instant.now()).as("handed out after its backoff").isAfter(failedAt.plusMillis(900));
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.previousOutcome()).isEqualTo("attempt 1 failed: card declined");
        claim(app, new ClaimRequest("worker-2", owner.epoch(), List.of(new Claim(run.id(), 2))));
        report(
                app,
                new ReportBatch(
                        "worker-2",
                        List.of(new Outcome(run.id(), 2, ReportedState.SUCCEEDED, "ok", null, null, null))));

        InstanceDetail done = admin.instance(app, run.id());
        assertThat(done.instance().state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(done.instance().workerId()).isEqualTo("worker-2");
        assertThat(done.earlierAttempts()).singleElement().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.workerId()).isEqualTo("worker-1");
            assertThat(a.outcome()).isEqualTo("FAILED");
            assertThat(a.result()).isEqualTo("card declined");
            assertThat(a.retriedBy()).isEqualTo(owner.serverId());
        });
        assertRejected(() -> admin.instance(app, run.id() + 1_000_000), 404, "no instance");
    }

    @Test
    void an_operator_stops_a_running_instance_whose_worker_hears_it_then_runs_it_again_and_marks_it_succeeded() {
        String app = unique("shop");
        admin.createApp(app, "secret-of-shop");
        JobView job = admin.createJob(app, JobDefinition.onDemand("ship", "shipper"));
        DiscoveryAnswer owner =
                worker(app, "secret-of-shop", "api/worker/discovery").get(DiscoveryAnswer.class);
        InstanceView run = admin.runJob(app, job.id(), new RunRequest(null, null, "ship-1"));
        pollFor(app, owner.epoch(), run.id());
        claim(app, new ClaimRequest("worker-1", owner.epoch(), List.of(new Claim(run.id(), 1))));
        assertRejected(() -> admin.markSucceeded(app, run.id(), null), 409, "is RUNNING");
        assertRejected(() -> admin.retryInstance(app, run.id(), null), 409, "is RUNNING");

        InstanceView stopped = admin.stopInstance(app, run.id(), "wrong address");
        assertThat(stopped.state()).isEqualTo(InstanceState.CANCELLED);
        assertThat(stopped.result()).isEqualTo("stopped through the admin API: wrong address");
        HeartbeatAnswer beat = worker(app, "secret-of-shop", "api/worker/heartbeat")
                .post(
                        Entity.json(new WorkerHeartbeat(
                                "worker-1",
                                0.1,
                                1,
                                2,
                                1,
                                4,
                                owner.epoch(),
                                List.of("shipper"),
                                1000L,
                                List.of(new Claim(run.id(), 1)),
                                null,
                                null)),
                        HeartbeatAnswer.class);
        assertThat(beat.stop()).singleElement().satisfies(stop -> {
            assertThat(stop.instanceId()).isEqualTo(run.id());
            assertThat(stop.reason()).contains("CANCELLED");
        });
        assertRejected(() -> admin.stopInstance(app, run.id(), null), 409, "is CANCELLED");

        InstanceView again = admin.retryInstance(app, run.id(), "address fixed");
        assertThat(again.state()).isEqualTo(InstanceState.WAITING);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.result()).contains("run again through the admin API: address fixed");
        Assignment second = pollFor(app, owner.epoch(), run.id());
        assertThat(second.attempt()).isEqualTo(2);
        claim(app, new ClaimRequest("worker-1", owner.epoch(), List.of(new Claim(run.id(), 2))));
        report(
                app,
                new ReportBatch(
                        "worker-1",
                        List.of(new Outcome(run.id(), 2, ReportedState.FAILED, "no stock", null, null, null))));

        InstanceView marked = admin.markSucceeded(app, run.id(), "shipped by hand");
        assertThat(marked.state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(marked.result())
                .isEqualTo("marked succeeded through the admin API: shipped by hand (was FAILED: no stock)");
        assertThat(admin.instance(app, run.id()).earlierAttempts())
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("CANCELLED"));
        assertRejected(() -> admin.stopInstance(app, run.id() + 1_000_000, null), 404, "no instance");
    }

    /** Polls as worker-1 until the instance is handed out; fails after 10 s. */
    private Assignment pollFor(String app, long epoch, long instanceId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PollAnswer answer = worker(app, "secret-of-shop", "api/worker/poll")
                    .post(Entity.json(new PollRequest("worker-1", 4, epoch, null)), PollAnswer.class);
            Optional<Assignment> found = answer.assignments().stream()
                    .filter(a -> a.instanceId() == instanceId)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("instance " + instanceId + " was not handed out within 10 s");
    }

    @Test
    void a_cron_job_fires_on_whole_seconds_and_waits_for_a_worker() {
        String app = unique("ticker");
        admin.createApp(app, "secret-of-ticker");
        JobView job = admin.createJob(app, JobDefinition.cron("every-second", "hello", "* * * * * *"));

        awaitUntil(() -> admin.listInstances(app, job.id(), 10).size() >= 2, 20);
        assertThat(admin.listInstances(app, job.id(), 10))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(i -> {
                    assertThat(i.fireTime().getNano()).isZero();
                    assertThat(i.state()).isEqualTo(InstanceState.WAITING);
                    assertThat(i.epoch()).isGreaterThanOrEqualTo(1);
                });
    }

    @Test
    void fixed_rate_and_one_off_jobs_fire_on_their_times() {
        String app = unique("rates");
        admin.createApp(app, "secret-of-rates");
        JobView rate = admin.createJob(app, JobDefinition.fixedRate("half-second", "hello", Duration.ofMillis(500)));
        JobView once = admin.createJob(
                app, JobDefinition.of("soon", "hello", ScheduleType.ONE_OFF).withDelay(Duration.ofSeconds(1)));

        awaitUntil(
                () -> admin.listInstances(app, rate.id(), 10).size() >= 3
                        && !admin.listInstances(app, once.id(), 10).isEmpty(),
                20);
        assertThat(admin.listInstances(app, rate.id(), 10))
                .allSatisfy(i -> assertThat(i.fireTime().toEpochMilli() % 500).isZero());
        assertThat(admin.listInstances(app, once.id(), 10)).singleElement().satisfies(i -> assertThat(i.fireTime())
                .isEqualTo(once.runAt()));
        assertThat(admin.listJobs(app))
                .filteredOn(j -> j.name().equals("soon"))
                .singleElement()
                .satisfies(j -> assertThat(j.nextFireTime()).isNull());
    }

    @Test
    void a_backfill_runs_the_past_fire_times_of_a_range_once_each_with_their_own_fire_time() {
        String app = unique("backfill");
        admin.createApp(app, "secret-of-backfill");
        JobView job = admin.createJob(app, JobDefinition.cron("minutely", "hello", "0 * * * * *"));
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofMinutes(5));
        Instant to = now.minusSeconds(1);
        List<Instant> expected = new java.util.ArrayList<>();
        for (Instant t = from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
                !t.isAfter(to);
                t = t.plusSeconds(60)) {
            expected.add(t);
        }

        RunBatchAnswer first = admin.backfill(app, "minutely", new BackfillRequest(from, to, null));
        RunBatchAnswer again = admin.backfill(app, "minutely", new BackfillRequest(from, to, null));

        assertThat(first.created()).isEqualTo(expected.size());
        assertThat(again.created()).as("a repeated backfill creates nothing").isZero();
        assertThat(again.instanceIds()).isEqualTo(first.instanceIds());
        awaitUntil(
                () -> admin.listInstances(app, job.id(), 100).stream()
                                .filter(i ->
                                        i.trigger() == TriggerType.BACKFILL && i.state() == InstanceState.SUCCEEDED)
                                .count()
                        == expected.size(),
                20);
        assertThat(admin.listInstances(app, job.id(), 100).stream().filter(i -> i.trigger() == TriggerType.BACKFILL))
                .extracting(InstanceView::fireTime)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertRejected(
                () -> admin.backfill(app, "minutely", new BackfillRequest(from, now.plusSeconds(60), null)),
                400,
                "to: is in the future");
        assertRejected(
                () -> admin.backfill(app, "minutely", new BackfillRequest(now.minus(Duration.ofDays(2)), to, null)),
                400,
                "more than 1000 fire times");
        admin.createJob(app, JobDefinition.onDemand("on-demand", "hello"));
        assertRejected(() -> admin.backfill(app, "on-demand", new BackfillRequest(from, to, null)), 400, "API job");
    }

    @Test
    void a_fixed_delay_job_fires_each_time_its_delay_after_the_previous_fire_ended() throws Exception {
        String app = unique("delay");
        admin.createApp(app, "secret-of-delay");
        JobView job = admin.createJob(
                app,
                JobDefinition.of("after-each", "hello", ScheduleType.FIXED_DELAY)
                        .withInterval(Duration.ofMillis(700)));

        awaitUntil(
                () -> admin.listInstances(app, job.id(), 10).stream()
                                .filter(i -> i.state() == InstanceState.SUCCEEDED)
                                .count()
                        >= 3,
                30);
        List<InstanceView> fires = admin.listInstances(app, job.id(), 100).stream()
                .sorted(java.util.Comparator.comparing(InstanceView::fireTime))
                .toList();
        for (int i = 1; i < fires.size(); i++) {
            InstanceView before = fires.get(i - 1);
            assertThat(before.finishedAt()).as("one fire at a time").isNotNull();
            assertThat(fires.get(i).fireTime())
                    .as("fire %d follows the end of fire %d by the delay", i, i - 1)
                    .isAfterOrEqualTo(before.finishedAt().plusMillis(700))
                    .isBefore(before.finishedAt().plusMillis(700 + 1500));
        }
    }

    @Test
    void the_fire_times_of_a_pause_follow_the_misfire_policy_on_resume_and_each_skipped_one_is_recorded()
            throws Exception {
        String app = unique("misfire");
        admin.createApp(app, "secret-of-misfire");
        JobView job = admin.createJob(
                app, JobDefinition.cron("every-second", "hello", "* * * * * *").withMisfire(MisfirePolicy.SKIP, null));
        assertThat(job.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
        awaitUntil(() -> !admin.listInstances(app, job.id(), 10).isEmpty(), 20);

        Instant pausedAt = Instant.now();
        admin.pauseJob(app, "every-second", null);
        Thread.sleep(3500); // three or more fire times pass while it is paused
        Instant resumedAt = Instant.now();
        admin.resumeJob(app, "every-second");

        awaitUntil(
                () -> admin.listInstances(app, job.id(), 1000).stream()
                                .filter(i -> i.state() == InstanceState.SKIPPED)
                                .count()
                        >= 3,
                10);
        List<InstanceView> all = admin.listInstances(app, job.id(), 1000);
        assertThat(all.stream().filter(i -> i.state() == InstanceState.SKIPPED))
                .allSatisfy(i -> assertThat(i.result()).contains("misfire policy SKIP"))
                .allSatisfy(i -> assertThat(i.fireTime()).isBetween(pausedAt.minusSeconds(1), resumedAt));
        assertThat(all).extracting(InstanceView::fireTime).doesNotHaveDuplicates();
        assertRejected(
                () -> admin.createJob(
                        app,
                        JobDefinition.cron("bad", "hello", "* * * * * *")
                                .withMisfire(MisfirePolicy.FIRE_ONCE, Duration.ofMinutes(1))),
                400,
                "catchUpWindow");
    }

    @Test
    void a_job_is_changed_paused_resumed_and_deleted_live_by_name_and_its_history_stays() throws Exception {
        String app = unique("live");
        admin.createApp(app, "secret-of-live");
        JobView job = admin.createJob(app, JobDefinition.cron("tick", "hello", "* * * * * *"));
        awaitUntil(() -> !admin.listInstances(app, job.id(), 10).isEmpty(), 20);
        assertThat(admin.getJob(app, "tick").id()).isEqualTo(job.id());

        JobView paused = admin.pauseJob(app, "tick", "maintenance");
        int firedBeforePause = admin.listInstances(app, job.id(), 1000).size();
        Thread.sleep(2500);

        assertThat(paused.enabled()).isFalse();
        assertThat(paused.pausedNote()).isEqualTo("maintenance");
        assertThat(paused.nextFireTime()).isNull();
        assertThat(admin.listInstances(app, job.id(), 1000))
                .as("a fire being created as the pause came may still land; then none")
                .hasSizeLessThanOrEqualTo(firedBeforePause + 1);

        JobDefinition halfSeconds =
                JobDefinition.fixedRate("tick", "hello", Duration.ofMillis(500)).withEnabled(true);
        assertRejected(() -> admin.updateJob(app, "tick", halfSeconds, job.revision()), 409, "revision");
        JobView updated = admin.updateJob(app, "tick", halfSeconds, paused.revision());
        assertThat(updated.scheduleType()).isEqualTo(ScheduleType.FIXED_RATE);
        assertThat(updated.enabled()).isTrue();
        assertThat(updated.revision()).isGreaterThan(paused.revision());
        awaitUntil(
                () -> admin.listInstances(app, job.id(), 1000).stream()
                        .anyMatch(i -> i.fireTime().getNano() == 500_000_000),
                10);
        assertThat(admin.listInstances(app, job.id(), 1000))
                .extracting(InstanceView::fireTime)
                .doesNotHaveDuplicates();

        JobView deleted = admin.deleteJob(app, "tick", updated.revision());
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(deleted.nextFireTime()).isNull();
        assertThat(admin.listJobs(app)).isEmpty();
        assertThat(admin.listInstances(app, job.id(), 1000)).as("its history").isNotEmpty();
        assertThat(admin.getJob(app, String.valueOf(job.id())).deletedAt()).isEqualTo(deleted.deletedAt());
        assertRejected(() -> admin.getJob(app, "tick"), 404, "tick");
        assertRejected(() -> admin.runJob(app, job.id(), RunRequest.now()), 409, "deleted");
        assertRejected(() -> admin.resumeJob(app, String.valueOf(job.id())), 409, "deleted");
        JobView again = admin.createJob(app, JobDefinition.onDemand("tick", "hello"));
        assertThat(again.id()).as("the name is free again").isNotEqualTo(job.id());
        assertRejected(() -> admin.createJob(app, JobDefinition.onDemand("2024", "hello")), 400, "digits only");
    }

    @Test
    void a_preview_lists_the_next_fire_times_with_the_skipped_ones_and_saves_nothing() {
        String app = unique("preview");
        admin.createApp(app, "secret-of-preview");
        JobDefinition halfPastTwo = JobDefinition.cron("berlin", "hello", "0 30 2 * * *")
                .withTimeZone("Europe/Berlin")
                .withGapRule(GapRule.SKIP)
                .withWindow(Instant.parse("2030-03-30T00:00:00Z"), null);

        SchedulePreview preview = admin.previewSchedule(app, halfPastTwo, 3);

        // on 31 March 2030 Berlin's clocks go from 02:00 to 03:00
        assertThat(preview.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(preview.fires())
                .extracting(SchedulePreview.PreviewedFire::at)
                .containsExactly(
                        Instant.parse("2030-03-30T01:30:00Z"),
                        Instant.parse("2030-03-31T01:00:00Z"),
                        Instant.parse("2030-04-01T00:30:00Z"));
        assertThat(preview.fires().get(0).local()).isEqualTo("2030-03-30T02:30+01:00");
        assertThat(preview.fires().get(1).skipped()).contains("does not exist in Europe/Berlin");
        assertThat(admin.listJobs(app)).isEmpty();
        assertRejected(
                () -> admin.previewSchedule(app, JobDefinition.fixedRate("r", "p", Duration.ofMillis(10)), 3),
                400,
                "interval");

        JobView saved = admin.createJob(app, halfPastTwo);
        assertThat(admin.nextFires(app, saved.id(), 3)).isEqualTo(preview);
        assertThat(saved.gapRule()).isEqualTo(GapRule.SKIP);
        assertThat(saved.startAt()).isEqualTo(Instant.parse("2030-03-30T00:00:00Z"));
    }

    @Test
    void cron_lists_are_accepted_and_expressions_that_never_fire_or_cannot_be_evaluated_are_refused() {
        String app = unique("calendar");
        admin.createApp(app, "secret-of-calendar");

        JobView twiceAMonth = admin.createJob(app, JobDefinition.cron("twice-a-month", "hello", "0 0 0 1,15 * *"));
        JobView threeSeconds = admin.createJob(app, JobDefinition.cron("three-seconds", "hello", "1,2,3 * * * * *"));
        assertThat(twiceAMonth.nextFireTime()).isNotNull();
        assertThat(threeSeconds.nextFireTime()).isNotNull();
        assertThat(twiceAMonth.scheduleError()).isNull();

        assertRejected(
                () -> admin.createJob(app, JobDefinition.cron("feb-30", "hello", "0 0 0 30 2 *")), 400, "never fires");
        assertRejected(
                () -> admin.createJob(app, JobDefinition.cron("sixth-friday", "hello", "0 0 0 * * 5#6")),
                400,
                "never fires");
        assertRejected(
                () -> admin.createJob(app, JobDefinition.cron("poison", "p", "19 11 3 30W 2/3 *")),
                400,
                "cannot be evaluated");
        assertRejected(
                () -> admin.createJob(app, JobDefinition.cron("long", "p", "0 ".repeat(130) + "* * * *")), 400, "cron");
        assertThat(admin.listJobs(app))
                .extracting(JobView::name)
                .containsExactlyInAnyOrder("twice-a-month", "three-seconds");
    }

    @Test
    void a_job_no_live_worker_can_run_is_flagged_and_its_waiting_instances_say_why() {
        String app = unique("mailroom");
        admin.createApp(app, "secret-of-mailroom");
        DiscoveryAnswer owner =
                worker(app, "secret-of-mailroom", "api/worker/discovery").get(DiscoveryAnswer.class);
        JobView invoice = admin.createJob(app, JobDefinition.onDemand("invoice", "invoicer"));
        admin.createJob(app, JobDefinition.onDemand("mailer", "mail"));
        InstanceView run = admin.runJob(app, invoice.id(), RunRequest.now());

        awaitUntil(
                () -> {
                    heartbeat(
                            app,
                            new WorkerHeartbeat(
                                    "mail-worker",
                                    0.1,
                                    1,
                                    2,
                                    0,
                                    4,
                                    owner.epoch(),
                                    List.of("mail"),
                                    null,
                                    null,
                                    null,
                                    null));
                    return admin.listJobs(app).stream().anyMatch(j -> j.warning() != null);
                },
                30);

        assertThat(admin.listJobs(app))
                .satisfiesExactlyInAnyOrder(
                        job -> assertThat(job.warning())
                                .contains("has processor 'invoicer'")
                                .contains("they have mail"),
                        job -> assertThat(job.warning()).as("mail can run").isNull());
        assertThat(admin.listInstances(app, invoice.id(), 10)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(run.id());
            assertThat(i.state()).isEqualTo(InstanceState.WAITING);
            assertThat(i.waitingReason()).contains("no live worker of app " + app + " has processor 'invoicer'");
        });
        assertThat(admin.workers(app)).singleElement().satisfies(w -> {
            assertThat(w.workerId()).isEqualTo("mail-worker");
            assertThat(w.live()).isTrue();
            assertThat(w.processors()).containsExactly("mail");
            assertThat(w.tags()).isEmpty();
            assertThat(w.capacity()).isEqualTo(4);
            assertThat(w.lastHeartbeatAt()).isNotNull();
        });
        assertRejected(() -> admin.workers(unique("no-such-app")), 404, "no-such-app");
    }

    @Test
    void v1_lists_an_apps_instances_page_by_page_with_each_filter() {
        String app = unique("ledger");
        admin.createApp(app, "secret-of-ledger");
        JobView close = admin.createJob(app, JobDefinition.onDemand("close", "closer"));
        JobView audit = admin.createJob(app, JobDefinition.onDemand("audit", "auditor"));
        // in an hour, so that nothing runs meanwhile; four runs share one fire time, so pages end among equal ones
        Instant hour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<RunRequest> closes = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> RunRequest.at(i < 4 ? hour : hour.plusSeconds(i), "c" + i))
                .toList();
        admin.runJobBatch(app, close.id(), new RunBatch(closes));
        admin.runJobBatch(
                app,
                audit.id(),
                new RunBatch(List.of(RunRequest.at(hour, "a0"), RunRequest.at(hour.plusSeconds(60), "a1"))));
        InstanceView stopped = admin.listInstances(app, audit.id(), 10).get(0);
        admin.stopInstance(app, stopped.id(), "not needed");

        List<Long> seen = new java.util.ArrayList<>();
        InstancePage page = admin.instances(app, InstanceListing.all().limit(2));
        int pages = 1;
        while (true) {
            assertThat(page.total()).isEqualTo(9);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(i -> seen.add(i.id()));
            if (page.next() == null) {
                break;
            }
            page = admin.instances(app, InstanceListing.all().limit(2).after(page.next()));
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).doesNotHaveDuplicates().hasSize(9);
        assertThat(admin.instances(app, InstanceListing.all()).items())
                .extracting(InstanceView::fireTime)
                .as("newest first by default")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(admin.instances(app, InstanceListing.all().oldestFirst()).items())
                .extracting(InstanceView::fireTime)
                .isSorted();

        assertThat(admin.instances(app, InstanceListing.all().job("close")).total())
                .isEqualTo(7);
        assertThat(admin.instances(app, InstanceListing.all().job(Long.toString(audit.id())))
                        .items())
                .extracting(InstanceView::jobName)
                .containsOnly("audit");
        assertThat(admin.instances(app, InstanceListing.all().states(InstanceState.CANCELLED))
                        .items())
                .extracting(InstanceView::id)
                .containsExactly(stopped.id());
        assertThat(admin.instances(app, InstanceListing.all().states(InstanceState.WAITING, InstanceState.RUNNING))
                        .total())
                .isEqualTo(8);
        assertThat(admin.instances(app, InstanceListing.all().fireTimes(hour.plusSeconds(1), hour.plusSeconds(60)))
                        .total())
                .as("from inclusive, to exclusive")
                .isEqualTo(3);
        assertThat(admin.instances(app, InstanceListing.all().worker("nobody")).total())
                .isZero();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> admin.instances(app, InstanceListing.all().after("bm90LWEtY3Vyc29y")))
                .isInstanceOfSatisfying(CampanileClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).isEqualTo("cursor");
                });
        assertRejected(() -> admin.instances(app, InstanceListing.all().job("no-such-job")), 404, "no-such-job");
        for (String query : List.of("state=DONE", "limit=0", "limit=1001", "from=yesterday", "sort=name")) {
            String[] pair = query.split("=");
            try (Response bad = http.target(base)
                    .path("api/v1/apps/" + app + "/instances")
                    .queryParam(pair[0], pair[1])
                    .request(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN))
                    .get()) {
                assertThat(bad.getStatus()).as(query).isEqualTo(400);
                Map<?, ?> body = bad.readEntity(Map.class);
                assertThat(body.get("code")).as(query).isEqualTo("invalid_field");
                assertThat(body.get("field")).as(query).isEqualTo(pair[0]);
                assertThat((String) body.get("message")).as(query).startsWith(pair[0] + ": ");
            }
        }
    }

    @Test
    void v1_lists_an_apps_jobs_by_name_page_by_page_with_a_prefix_and_enabled_filter() {
        String app = unique("reports");
        admin.createApp(app, "secret-of-reports");
        for (String name : List.of("daily", "report-1", "report-2", "report-3")) {
            admin.createJob(app, JobDefinition.onDemand(name, "p"));
        }
        admin.pauseJob(app, "report-2", "later");

        JobPage first = admin.jobs(app, JobListing.all().limit(3));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(JobView::name).containsExactly("daily", "report-1", "report-2");
        JobPage second = admin.jobs(app, JobListing.all().limit(3).after(first.next()));
        assertThat(second.items()).extracting(JobView::name).containsExactly("report-3");
        assertThat(second.next()).isNull();
        assertThat(admin.jobs(app, JobListing.all().namePrefix("report-").enabled(true))
                        .items())
                .extracting(JobView::name)
                .containsExactly("report-1", "report-3");
        assertThat(admin.listJobs(app)).as("all pages").hasSize(4);
    }

    @Test
    void the_deprecated_admin_path_answers_as_before_and_every_error_has_a_code() {
        String app = unique("legacy");
        admin.createApp(app, "secret-of-legacy");
        admin.createJob(app, JobDefinition.onDemand("old", "p"));
        try (Response old = adminRequest("api/admin/apps/" + app + "/jobs").get();
                Response v1 = adminRequest("api/v1/apps/" + app + "/jobs").get();
                Response noList =
                        adminRequest("api/admin/apps/" + app + "/instances").get();
                Response unknown =
                        adminRequest("api/v1/apps/" + app + "/jobs/nope").get();
                Response noToken =
                        http.target(base).path("api/v1/apps").request().get();
                Response method = adminRequest("api/v1/cluster").delete()) {
            assertThat(old.getStatus()).isEqualTo(200);
            assertThat(old.readEntity(List.class)).hasSize(1);
            assertThat(v1.readEntity(Map.class).get("items")).asList().hasSize(1);
            assertThat(noList.getStatus()).as("the list is v1's").isEqualTo(404);
            assertError(unknown, 404, "not_found");
            assertError(noToken, 401, "unauthorized");
            assertError(method, 405, "method_not_allowed");
        }
        assertThat(admin.servers()).isNotEmpty();
    }

    @Test
    void many_jobs_are_paused_resumed_and_deleted_in_one_request_all_or_none_without_a_lost_or_repeated_fire()
            throws Exception {
        String app = unique("fleet");
        admin.createApp(app, "secret-of-fleet");
        JobView a = admin.createJob(app, JobDefinition.cron("a", "hello", "* * * * * *"));
        admin.createJob(app, JobDefinition.cron("b", "hello", "* * * * * *"));
        JobView c = admin.createJob(app, JobDefinition.onDemand("c", "hello"));
        admin.createJob(app, JobDefinition.onDemand("untouched", "hello"));
        awaitUntil(() -> admin.listInstances(app, a.id(), 10).size() >= 2, 20);

        JobBulkAnswer paused = admin.changeJobs(
                app, new JobBulkRequest(JobBulkAction.PAUSE, List.of(c.id()), List.of("a", "b", "a"), "deploy"));
        assertThat(paused.changed()).isEqualTo(3);
        assertThat(paused.jobs()).extracting(JobResult::change).containsOnly(JobChange.PAUSED);
        assertThat(admin.getJob(app, "b").pausedNote()).isEqualTo("deploy");
        int firedBeforePause = admin.listInstances(app, a.id(), 1000).size();
        assertRejected(
                () -> admin.changeJobs(app, JobBulkRequest.of(JobBulkAction.DELETE, List.of("untouched", "nope"))),
                404,
                "'nope'");
        assertThat(admin.getJob(app, "untouched").deletedAt())
                .as("nothing changed")
                .isNull();
        assertThat(admin.changeJobs(app, JobBulkRequest.pause(List.of("a"), null))
                        .unchanged())
                .isEqualTo(1);
        Thread.sleep(2500); // what must not happen: a fire of a paused job
        assertThat(admin.listInstances(app, a.id(), 1000))
                .as("a fire being created as the pause came may still land; then none")
                .hasSizeLessThanOrEqualTo(firedBeforePause + 1);

        Instant resumedAt = Instant.now();
        JobBulkAnswer resumed = admin.changeJobs(app, JobBulkRequest.of(JobBulkAction.RESUME, List.of("a", "b")));
        assertThat(resumed.jobs()).extracting(JobResult::change).containsOnly(JobChange.RESUMED);
        awaitUntil(() -> admin.listInstances(app, a.id(), 1).get(0).fireTime().isAfter(resumedAt.plusSeconds(1)), 10);
        List<Instant> fires = admin.listInstances(app, a.id(), 1000).stream()
                .map(InstanceView::fireTime)
                .sorted()
                .toList();
        for (int i = 1; i < fires.size(); i++) {
            assertThat(Duration.between(fires.get(i - 1), fires.get(i)))
                    .as("every second once, the paused ones run late (FIRE_ALL): %s", fires)
                    .isEqualTo(Duration.ofSeconds(1));
        }

        JobBulkAnswer deleted = admin.changeJobs(app, JobBulkRequest.of(JobBulkAction.DELETE, List.of("a", "b", "c")));
        assertThat(deleted.changed()).isEqualTo(3);
        assertThat(admin.listJobs(app)).extracting(JobView::name).containsExactly("untouched");
        try (Response bad = adminRequest("api/v1/apps/" + app + "/jobs/bulk")
                .post(Entity.json("{\"action\": \"ARCHIVE\", \"names\": [\"untouched\"]}"))) {
            assertError(bad, 400, "invalid_field");
        }
    }

    @Test
    void an_apps_jobs_exported_and_imported_into_another_app_are_reproduced_and_a_second_import_changes_nothing() {
        String from = unique("export");
        String to = unique("import");
        admin.createApp(from, "secret-of-export");
        admin.createApp(to, "secret-of-import");
        admin.createJob(
                from,
                JobDefinition.cron("nightly", "report", "0 30 2 * * *")
                        .withTimeZone("Europe/Berlin")
                        .withMisfire(MisfirePolicy.SKIP, null)
                        .withRetry(new RetryDefinition(3, "PT5S", null, null, null))
                        .withParameters("{\"day\":3}"));
        admin.createJob(from, JobDefinition.fixedRate("poll", "poller", Duration.ofMinutes(5)));
        admin.createJob(from, JobDefinition.onDemand("manual", "hello").withEnabled(false));
        JobExport exported = admin.exportJobs(from);

        JobImportAnswer first = admin.importJobs(to, exported, false);
        JobImportAnswer second = admin.importJobs(to, exported, false);

        assertThat(exported.jobs()).extracting(JobDefinition::name).containsExactly("manual", "nightly", "poll");
        assertThat(first.created()).isEqualTo(3);
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.jobs()).extracting(JobResult::change).containsOnly(JobChange.UNCHANGED);
        assertThat(admin.exportJobs(to).jobs()).isEqualTo(exported.jobs());

        List<JobDefinition> broken = new java.util.ArrayList<>(exported.jobs());
        broken.set(0, broken.get(0).withParameters("changed"));
        broken.set(1, broken.get(1).withCron("* * *"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.importJobs(to, JobExport.of(broken), true))
                .isInstanceOfSatisfying(CampanileClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("jobs[1].cron");
                });
        assertThat(admin.exportJobs(to).jobs()).as("nothing changed").isEqualTo(exported.jobs());

        JobImportAnswer pruned = admin.importJobs(
                to, JobExport.of(List.of(exported.jobs().get(2).withInterval(Duration.ofMinutes(1)))), true);
        assertThat(pruned.updated()).isEqualTo(1);
        assertThat(pruned.deleted()).isEqualTo(2);
        assertThat(admin.listJobs(to)).singleElement().satisfies(j -> assertThat(j.interval())
                .isEqualTo("PT1M"));
    }

    @Test
    void an_apps_secret_is_rotated_and_both_secrets_work_during_the_grace_then_only_the_new_one() {
        String app = unique("rotating");
        admin.createApp(app, "the-first-secret");
        assertThat(discovery(app, "the-first-secret")).isEqualTo(200);

        SecretRotationAnswer rotated = admin.rotateSecret(app, "the-second-secret", Duration.ofSeconds(3));

        assertThat(rotated.previousValidUntil()).isEqualTo(rotated.rotatedAt().plusSeconds(3));
        assertThat(discovery(app, "the-second-secret")).isEqualTo(200);
        assertThat(discovery(app, "the-first-secret")).as("during the grace").isEqualTo(200);
        awaitUntil(() -> discovery(app, "the-first-secret") == 401, 15);
        assertThat(Instant.now())
                .as("not before the grace ends")
                .isAfter(rotated.previousValidUntil().minusMillis(500));
        assertThat(discovery(app, "the-first-secret")).isEqualTo(401);
        assertThat(discovery(app, "the-second-secret")).isEqualTo(200);
        try (Response bad = adminRequest("api/v1/apps/" + app + "/secret")
                .post(Entity.json("{\"secret\": \"the-third-secret\", \"grace\": \"P30D\"}"))) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("grace").doesNotContain("the-third-secret");
        }
        assertRejected(() -> admin.rotateSecret("no-such-app", "the-third-secret", null), 404, "no-such-app");
        assertThat(discovery(app, "the-second-secret")).as("nothing changed").isEqualTo(200);
    }

    private int discovery(String app, String secret) {
        try (Response r = worker(app, secret, "api/worker/discovery").get()) {
            return r.getStatus();
        }
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.getStatus()).isEqualTo(status);
        Map<?, ?> body = response.readEntity(Map.class);
        assertThat(((Number) body.get("status")).intValue()).isEqualTo(status);
        assertThat(body.get("code")).isEqualTo(code);
        assertThat((String) body.get("message")).isNotBlank();
    }

    private void heartbeat(String app, WorkerHeartbeat heartbeat) {
        try (Response r =
                worker(app, "secret-of-mailroom", "api/worker/heartbeat").post(Entity.json(heartbeat))) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ReportAnswer report(String app, ReportBatch batch) {
        return worker(app, "secret-of-shop", "api/worker/reports").post(Entity.json(batch), ReportAnswer.class);
    }

    private ClaimAnswer claim(String app, ClaimRequest request) {
        return worker(app, "secret-of-shop", "api/worker/claims").post(Entity.json(request), ClaimAnswer.class);
    }

    private Invocation.Builder worker(String app, String secret, String path) {
        return http.target(base)
                .path(path)
                .request(MediaType.APPLICATION_JSON)
                .header(Headers.APP, app)
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer(secret));
    }

    private Invocation.Builder adminRequest(String path) {
        return http.target(base)
                .path(path)
                .request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN));
    }

    private static void assertRejected(ThrowableAssert.ThrowingCallable call, int status, String mentioned) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(CampanileClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(mentioned);
                });
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    // roles, API tokens and the audit log (issue 9)

    @Test
    void a_viewer_reads_but_is_refused_every_change_with_403_and_nothing_changes() {
        String app = unique("viewed");
        admin.createApp(app, "secret-123");
        JobView job = admin.createJob(app, JobDefinition.onDemand("report", "hello"));
        try (CampanileAdminClient viewer = tokenClient(unique("viewer"), Role.VIEWER, null)) {
            assertThat(viewer.listApps()).extracting(AppView::name).contains(app);
            assertThat(viewer.getJob(app, "report").revision()).isEqualTo(job.revision());
            assertThat(viewer.instances(app, InstanceListing.all()).total()).isZero();

            assertForbidden(() -> viewer.createApp(unique("not-made"), "secret-123"), "admin");
            assertForbidden(() -> viewer.createJob(app, JobDefinition.onDemand("other", "hello")), "admin");
            assertForbidden(
                    () -> viewer.updateJob(app, "report", JobDefinition.onDemand("report", "changed"), null), "admin");
            assertForbidden(() -> viewer.deleteJob(app, "report", null), "admin");
            assertForbidden(() -> viewer.runJob(app, job.id(), RunRequest.now()), "operator");
            assertForbidden(() -> viewer.pauseJob(app, "report", null), "operator");
            assertForbidden(() -> viewer.tokens(), "admin");
            assertForbidden(() -> viewer.audit(AuditListing.all()), "admin");
        }
        JobView after = admin.getJob(app, "report");
        assertThat(after.revision()).as("nothing changed").isEqualTo(job.revision());
        assertThat(after.processor()).isEqualTo("hello");
        assertThat(after.enabled()).isTrue();
        assertThat(admin.listJobs(app)).hasSize(1);
        assertThat(admin.instances(app, InstanceListing.all()).total()).isZero();
        assertThat(admin.audit(AuditListing.all().app(app)).items())
                .filteredOn(AuditEntry::denied)
                .as("each refusal recorded, flagged")
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void an_operator_runs_and_pauses_but_neither_creates_nor_deletes_jobs_or_apps() {
        String app = unique("operated");
        admin.createApp(app, "secret-123");
        JobView job = admin.createJob(app, JobDefinition.onDemand("batch", "hello"));
        try (CampanileAdminClient operator = tokenClient(unique("operator"), Role.OPERATOR, null)) {
            InstanceView run = operator.runJob(app, job.id(), RunRequest.now());
            assertThat(run.jobId()).isEqualTo(job.id());
            assertThat(operator.pauseJob(app, "batch", "maintenance").enabled()).isFalse();
            assertThat(operator.resumeJob(app, "batch").enabled()).isTrue();
            assertThat(operator.stopInstance(app, run.id(), "not now").state()).isEqualTo(InstanceState.CANCELLED);

            assertForbidden(() -> operator.createJob(app, JobDefinition.onDemand("more", "hello")), "admin");
            assertForbidden(() -> operator.deleteJob(app, "batch", null), "admin");
            assertForbidden(() -> operator.createApp(unique("not-made"), "secret-123"), "admin");
        }
        assertThat(admin.listJobs(app)).extracting(JobView::name).containsExactly("batch");
    }

    @Test
    void a_token_limited_to_one_app_is_refused_every_other_app_and_lists_only_its_own() {
        String mine = unique("mine");
        String theirs = unique("theirs");
        admin.createApp(mine, "secret-123");
        admin.createApp(theirs, "secret-123");
        admin.createJob(theirs, JobDefinition.onDemand("secret-job", "hello"));
        try (CampanileAdminClient scoped = tokenClient(unique("scoped"), Role.ADMIN, List.of(mine))) {
            scoped.createJob(mine, JobDefinition.onDemand("ours", "hello"));
            assertThat(scoped.listApps()).extracting(AppView::name).containsExactly(mine);
            assertThat(scoped.apps(1, null).total())
                    .as("the total counts only the token's apps")
                    .isEqualTo(1);
            AppPage first = admin.apps(1, null);
            assertThat(first.total()).isGreaterThanOrEqualTo(2);
            assertThat(admin.apps(1, first.next()).items())
                    .as("the next page starts after the first")
                    .singleElement()
                    .satisfies(a -> assertThat(a.name())
                            .isGreaterThan(first.items().get(0).name()));
            assertForbidden(() -> scoped.listJobs(theirs), mine);
            assertForbidden(() -> scoped.getJob(theirs, "secret-job"), "'" + theirs + "'");
            assertForbidden(() -> scoped.deleteJob(theirs, "secret-job", null), theirs);
            assertForbidden(() -> scoped.cluster(), "cluster-wide");
            assertForbidden(() -> scoped.createApp(unique("not-made"), "secret-123"), "cluster-wide");
        }
        assertThat(admin.getJob(theirs, "secret-job").deletedAt()).isNull();
    }

    @Test
    void a_revoked_token_gets_401_and_its_secret_is_shown_only_once() {
        String name = unique("short-lived");
        TokenCreated created = admin.createToken(new TokenRequest(name, Role.VIEWER, null));
        assertThat(created.secret()).startsWith("cpt_");
        assertThat(admin.tokens()).extracting(TokenView::name).contains(name);
        assertThat(admin.token(name).name()).isEqualTo(name);
        try (CampanileAdminClient holder = new CampanileAdminClient(base, created.secret())) {
            assertThat(holder.listApps()).isNotNull();
            assertThat(admin.revokeToken(name).name()).isEqualTo(name);
            assertThatThrownBy(holder::listApps)
                    .isInstanceOfSatisfying(CampanileClientException.class, e -> assertThat(e.status())
                            .isEqualTo(401));
        }
        assertThat(admin.tokens()).extracting(TokenView::name).doesNotContain(name);
        assertRejected(() -> admin.createToken(new TokenRequest("bootstrap", Role.ADMIN, null)), 400, "name");
        assertRejected(() -> admin.createToken(new TokenRequest(unique("t"), null, null)), 400, "role");
        assertRejected(
                () -> admin.createToken(new TokenRequest(unique("t"), Role.VIEWER, List.of("no-such-app"))),
                400,
                "apps[0]");
        try (Response listed = adminRequest("api/v1/tokens").get();
                Response audit = http.target(base)
                        .path("api/v1/audit")
                        .queryParam("limit", "1000")
                        .request(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, Headers.bearer(ADMIN_TOKEN))
                        .get()) {
            assertThat(listed.readEntity(String.class)).doesNotContain(created.secret());
            assertThat(audit.readEntity(String.class)).doesNotContain(created.secret());
        }
    }

    @Test
    void a_job_update_is_in_the_audit_log_with_who_when_and_the_job_before_and_after() {
        String app = unique("audited");
        Instant start = Instant.now().minusSeconds(60);
        admin.createApp(app, "secret-123");
        admin.createJob(app, JobDefinition.onDemand("nightly", "hello"));
        String editor = unique("editor");
        try (CampanileAdminClient client = tokenClient(editor, Role.ADMIN, null)) {
            client.updateJob(app, "nightly", JobDefinition.onDemand("nightly", "changed"), 1L);
        }
        AuditPage page = admin.audit(AuditListing.all().app(app).actor(editor));
        assertThat(page.total()).isEqualTo(1);
        AuditEntry update = page.items().get(0);
        assertThat(update.action()).isEqualTo("job.update");
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.path()).isEqualTo("v1/apps/" + app + "/jobs/nightly");
        assertThat(update.targetKind()).isEqualTo("job");
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.denied()).isFalse();
        assertThat(update.at()).isAfter(start);
        assertThat(update.before().getString("processor")).isEqualTo("hello");
        assertThat(update.before().getInt("revision")).isEqualTo(1);
        assertThat(update.after().getString("processor")).isEqualTo("changed");
        assertThat(update.after().getInt("revision")).isEqualTo(2);

        AuditPage created =
                admin.audit(AuditListing.all().app(app).actor("bootstrap").limit(1));
        assertThat(created.total())
                .as("the app and the job created with the configured token")
                .isEqualTo(2);
        assertThat(created.items()).extracting(AuditEntry::action).containsExactly("job.create");
        AuditPage rest = admin.audit(
                AuditListing.all().app(app).actor("bootstrap").limit(1).after(created.next()));
        assertThat(rest.items()).extracting(AuditEntry::action).containsExactly("app.create");
        assertThat(rest.items().get(0).after().getString("name")).isEqualTo(app);
        assertThat(rest.next()).isNull();
        assertRejected(() -> admin.audit(AuditListing.all().after("not-a-cursor")), 400, "cursor");
    }

    private CampanileAdminClient tokenClient(String name, Role role, List<String> apps) {
        return new CampanileAdminClient(
                base, admin.createToken(new TokenRequest(name, role, apps)).secret());
    }

    private static void assertForbidden(ThrowableAssert.ThrowingCallable call, String mentioned) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CampanileClientException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
