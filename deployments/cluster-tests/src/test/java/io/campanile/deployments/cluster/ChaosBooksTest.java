package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosBooksTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final ChaosBooks.CronJob EVERY_2S = new ChaosBooks.CronJob("alpha", 20, "every-2s", 2);
    private static final ChaosRecords.Job JOB = new ChaosRecords.Job(20, "alpha", "every-2s", "CRON", true, null);
    private static final ChaosRecords.Job API_JOB = new ChaosRecords.Job(40, "alpha", "on-demand", "API", true, null);

    private final List<ChaosRecords.Instance> instances = new ArrayList<>();
    private final List<ChaosBooks.AppRun> runs = new ArrayList<>();
    private final List<ChaosRecords.OwnerChange> changes = new ArrayList<>();
    private final List<ChaosBooks.ApiRequest> requests = new ArrayList<>();
    private final List<ChaosFaultWindow> faults = new ArrayList<>();
    private ChaosJobs jobs = ChaosJobs.cronOnly(List.of(EVERY_2S));

    /** Fires at :00, :02, :04, :06 and :08 of the window T0..T0+9s, each ran once. */
    private void cleanSoak() {
        for (int second = 0; second <= 8; second += 2) {
            ranOnce(100 + second, T0.plusSeconds(second));
        }
        changes.add(new ChaosRecords.OwnerChange(1, "alpha", null, "s1", 1, "FIRST_CLAIM", T0.minusSeconds(60)));
    }

    private void ranOnce(long id, Instant fire) {
        instances.add(instance(id, 20, fire.toString(), "SCHEDULE", fire, "SUCCEEDED", 1, null));
        runs.add(run("every-2s", fire, id, 1));
    }

    private static ChaosRecords.Instance instance(
            long id, long jobId, String key, String trigger, Instant fire, String state, int attempt, String result) {
        return new ChaosRecords.Instance(id, jobId, "alpha", key, trigger, fire, state, attempt, 1, "s1", "w1", result);
    }

    private static ChaosBooks.AppRun run(String job, Instant fire, long instanceId, int attempt) {
        return new ChaosBooks.AppRun(
                "alpha", new AuditLog.Run(job, fire, Long.toString(instanceId), attempt, "1", "alpha-w1.1"));
    }

    private ChaosBooks books() {
        ChaosRecords records = new ChaosRecords(T0.plusSeconds(30), List.of(JOB, API_JOB), instances, changes);
        return new ChaosBooks(
                T0,
                T0.plusSeconds(9),
                T0.minusSeconds(10),
                jobs,
                requests,
                records,
                runs,
                faults,
                Duration.ofSeconds(10));
    }

    @Test
    void a_clean_soak_has_no_problem_and_counts_every_fire() {
        cleanSoak();
        ChaosBooks books = books();
        assertThat(books.problems()).isEmpty();
        assertThat(books.summary(7, 0))
                .contains("seed=7", "fires=5 ran=5 recorded=0 duplicates=0 missing=0 stuck=0 retries=0");
    }

    @Test
    void a_recorded_retry_is_no_duplicate_but_the_same_attempt_twice_and_an_unrecorded_attempt_are() {
        cleanSoak();
        instances.set(0, instance(100, 20, T0.toString(), "SCHEDULE", T0, "SUCCEEDED", 2, null));
        runs.add(run("every-2s", T0, 100, 2));
        assertThat(books().problems()).isEmpty();
        assertThat(books().summary(7, 0)).contains("retries=1");

        runs.add(run("every-2s", T0, 100, 2));
        runs.add(run("every-2s", T0.plusSeconds(2), 102, 2));
        assertThat(books().problems())
                .anySatisfy(p -> assertThat(p).startsWith("DUPLICATE attempt 2 ran twice"))
                .anySatisfy(p -> assertThat(p).startsWith("DUPLICATE attempt 2 ran but was never recorded"));
    }

    @Test
    void a_fire_without_an_instance_or_without_a_run_is_missing_unless_its_failure_is_recorded() {
        cleanSoak();
        instances.removeIf(i -> i.id() == 104);
        instances.removeIf(i -> i.id() == 106);
        instances.add(instance(106, 20, "x", "SCHEDULE", T0.plusSeconds(6), "SUCCEEDED", 1, null));
        instances.removeIf(i -> i.id() == 108);
        instances.add(instance(108, 20, "y", "SCHEDULE", T0.plusSeconds(8), "FAILED", 1, "worker w1 lost"));
        runs.removeIf(r ->
                !r.run().instanceId().equals("100") && !r.run().instanceId().equals("102"));

        ChaosBooks books = books();
        assertThat(books.problems())
                .containsExactlyInAnyOrder(
                        "MISSING alpha/every-2s " + T0.plusSeconds(4) + ": no instance",
                        "MISSING alpha/every-2s " + T0.plusSeconds(6) + ": ended without a run or a reason: ["
                                + instances.get(instances.size() - 2) + "]");
        assertThat(books.summary(7, 0)).contains("fires=5 ran=2 recorded=1");
    }

    @Test
    void a_fire_time_recorded_skipped_with_its_reason_is_accounted_for_but_one_skipped_without_a_reason_is_not() {
        cleanSoak();
        instances.removeIf(i -> i.id() == 104 || i.id() == 106);
        instances.add(instance(104, 20, "x", "SCHEDULE", T0.plusSeconds(4), "SKIPPED", 1, "missed (policy SKIP)"));
        instances.add(instance(106, 20, "y", "SCHEDULE", T0.plusSeconds(6), "SKIPPED", 1, null));
        runs.removeIf(
                r -> r.run().instanceId().equals("104") || r.run().instanceId().equals("106"));

        ChaosBooks books = books();
        assertThat(books.problems())
                .containsExactly("MISSING alpha/every-2s " + T0.plusSeconds(6) + ": ended without a run or a reason: ["
                        + instances.get(instances.size() - 1) + "]");
        assertThat(books.summary(7, 0)).contains("recorded=1");
    }

    @Test
    void an_unended_instance_before_the_window_end_is_stuck_whatever_its_state_is_called() {
        cleanSoak();
        instances.add(instance(200, 40, "api:r1", "API", T0.plusSeconds(3), "DISPATCHED", 1, null));
        instances.add(instance(201, 40, "api:r2", "API", T0.plusSeconds(3), "WAITING", 1, null));
        instances.add(instance(202, 40, "api:r3", "API", T0.plusSeconds(20), "WAITING", 1, null));
        assertThat(books().problems()).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("STUCK instance 20"));
    }

    @Test
    void an_api_run_must_run_once_when_it_was_created_or_end_failed_with_the_worker_that_claimed_it() {
        cleanSoak();
        requests.add(new ChaosBooks.ApiRequest("alpha", 40, "ran", true));
        instances.add(instance(300, 40, "api:ran", "API", T0.plusSeconds(1), "SUCCEEDED", 1, null));
        runs.add(run("on-demand", T0.plusSeconds(1), 300, 1));
        requests.add(new ChaosBooks.ApiRequest("alpha", 40, "failed-unrun", false));
        instances.add(instance(301, 40, "api:failed-unrun", "API", T0.plusSeconds(1), "FAILED", 1, "lost"));
        requests.add(new ChaosBooks.ApiRequest("alpha", 40, "confirmed-gone", true));
        requests.add(new ChaosBooks.ApiRequest("alpha", 40, "never-confirmed", false));
        requests.add(new ChaosBooks.ApiRequest("alpha", 40, "worker-killed", true));
        instances.add(instance(
                302,
                40,
                "api:worker-killed",
                "API",
                T0.plusSeconds(1),
                "FAILED",
                1,
                "worker w1 stopped sending heartbeats"));

        ChaosBooks books = books();
        assertThat(books.problems())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("failed-unrun").contains("never ran"))
                .anySatisfy(p -> assertThat(p).contains("confirmed-gone").contains("no instance"));
        assertThat(books.summary(7, 0))
                .contains("api-created=3 api-ran=1 api-lost=2 api-failed-with-worker=1 api-unconfirmed=1");
    }

    @Test
    void a_run_of_an_instance_the_database_does_not_have_is_a_phantom() {
        cleanSoak();
        runs.add(run("every-2s", T0, 999, 1));
        assertThat(books().problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("PHANTOM alpha"));
    }

    @Test
    void an_owner_change_needs_a_fault_on_the_old_owner_that_can_cause_it_and_one_owner_per_epoch() {
        cleanSoak();
        ChaosFault kill = new ChaosFault(ChaosFault.Kind.KILL_SERVER, 0, false, Duration.ZERO, Duration.ZERO, 0, 0);
        ChaosFault clock = new ChaosFault(ChaosFault.Kind.STEP_CLOCK, 1, false, Duration.ZERO, Duration.ZERO, 5, 5);
        faults.add(new ChaosFaultWindow(1, kill, "server-1", Set.of("s1"), T0, T0.plusSeconds(20), ""));
        faults.add(
                new ChaosFaultWindow(2, clock, "server-2", Set.of("s2"), T0.plusSeconds(40), T0.plusSeconds(50), ""));
        changes.add(new ChaosRecords.OwnerChange(2, "alpha", "s1", "s2", 2, "LEASE_EXPIRED", T0.plusSeconds(4)));
        changes.add(new ChaosRecords.OwnerChange(3, "alpha", "s2", "s3", 3, "LEASE_EXPIRED", T0.plusSeconds(45)));
        changes.add(new ChaosRecords.OwnerChange(4, "alpha", "s2", "s1", 3, "LEASE_EXPIRED", T0.plusSeconds(45)));
        changes.add(new ChaosRecords.OwnerChange(5, "alpha", "s1", "s2", 4, "LEASE_EXPIRED", T0.plusSeconds(31)));

        ChaosBooks books = books();
        assertThat(books.ownerChanges()).hasSize(4).first().satisfies(line -> assertThat(line)
                .endsWith("explained-by=#1 KILL_SERVER"));
        assertThat(books.problems())
                .containsExactly(
                        "EPOCH-CONFLICT alpha epoch 3 has 2 owners: [" + changes.get(2) + ", " + changes.get(3) + "]",
                        "UNEXPLAINED-OWNER-CHANGE " + changes.get(2) + " explained-by=NONE",
                        "UNEXPLAINED-OWNER-CHANGE " + changes.get(3) + " explained-by=NONE",
                        "UNEXPLAINED-OWNER-CHANGE " + changes.get(4) + " explained-by=NONE");
    }

    @Test
    void a_postgres_restart_explains_a_change_of_any_owner_and_a_worker_kill_none() {
        cleanSoak();
        ChaosFault postgres =
                new ChaosFault(ChaosFault.Kind.RESTART_POSTGRES, 0, false, Duration.ZERO, Duration.ZERO, 0, 0);
        ChaosFault worker = new ChaosFault(ChaosFault.Kind.KILL_WORKER, 1, false, Duration.ZERO, Duration.ZERO, 0, 0);
        faults.add(new ChaosFaultWindow(1, postgres, "postgres", Set.of(), T0, T0.plusSeconds(5), ""));
        faults.add(new ChaosFaultWindow(2, worker, "alpha-w2", Set.of(), T0.plusSeconds(30), T0.plusSeconds(50), ""));
        changes.add(new ChaosRecords.OwnerChange(2, "alpha", "s1", "s2", 2, "LEASE_EXPIRED", T0.plusSeconds(6)));
        changes.add(new ChaosRecords.OwnerChange(3, "alpha", "s2", "s3", 3, "LEASE_EXPIRED", T0.plusSeconds(40)));
        ChaosFault kill = new ChaosFault(ChaosFault.Kind.KILL_SERVER, 0, true, Duration.ZERO, Duration.ZERO, 0, 0);
        faults.add(new ChaosFaultWindow(3, kill, "server-1", Set.of("s1"), T0.plusSeconds(7), T0.plusSeconds(9), ""));
        changes.add(new ChaosRecords.OwnerChange(4, "alpha", "s1", "s2", 4, "LEASE_EXPIRED", T0.plusSeconds(8)));

        ChaosBooks books = books();
        assertThat(books.ownerChanges().get(0)).endsWith("explained-by=#1 RESTART_POSTGRES");
        assertThat(books.ownerChanges().get(2)).as("the nearest cause").endsWith("explained-by=#3 KILL_SERVER");
        assertThat(books.problems())
                .containsExactly("UNEXPLAINED-OWNER-CHANGE " + changes.get(2) + " explained-by=NONE");
    }

    private static ChaosBooks.AppRun timedRun(
            String job, Instant fire, long instanceId, int attempt, long startMillis, long endMillis, String outcome) {
        return new ChaosBooks.AppRun(
                "alpha",
                new AuditLog.Run(
                        job,
                        fire,
                        Long.toString(instanceId),
                        attempt,
                        "1",
                        "alpha-w1.1",
                        T0.plusMillis(startMillis),
                        T0.plusMillis(endMillis),
                        outcome));
    }

    private void withJobs(
            List<ChaosJobs.DelayJob> delay,
            List<ChaosJobs.OverlapJob> overlap,
            List<ChaosJobs.OneOffJob> oneOff,
            List<ChaosJobs.Backfill> backfills,
            List<ChaosJobs.RetryJob> retry) {
        jobs = new ChaosJobs(List.of(EVERY_2S), delay, overlap, oneOff, backfills, retry);
    }

    @Test
    void fixed_delay_fires_each_follow_the_previous_end_by_the_delay_or_are_caught() {
        cleanSoak();
        withJobs(
                List.of(new ChaosJobs.DelayJob("alpha", 50, "delay-1s", Duration.ofSeconds(1))),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        long[] fireMillis = {0, 1500, 2900, 3100};
        for (int i = 0; i < fireMillis.length; i++) {
            Instant fire = T0.plusMillis(fireMillis[i]);
            instances.add(instance(500 + i, 50, fire.toString(), "SCHEDULE", fire, "SUCCEEDED", 1, null));
            runs.add(timedRun("delay-1s", fire, 500 + i, 1, fireMillis[i] + 20, fireMillis[i] + 400, "done"));
        }

        assertThat(books().problems())
                .containsExactly("SCHEDULE DELAY alpha/delay-1s fire at " + T0.plusMillis(3100) + " less than PT1S"
                        + " after the run before it ended at " + T0.plusMillis(3300) + ": " + instances.get(8));
        assertThat(books().summary(7, 0)).contains("delay-fires=4 delay-gaps-checked=3");
    }

    @Test
    void a_one_off_that_fired_twice_and_a_backfill_whose_repeat_created_runs_are_caught() {
        cleanSoak();
        Instant runAt = T0.plusSeconds(3);
        instances.add(instance(600, 60, runAt.toString(), "SCHEDULE", runAt, "SUCCEEDED", 1, null));
        runs.add(timedRun("once-1", runAt, 600, 1, 3010, 3020, "done"));
        Instant past = T0.minusSeconds(60);
        instances.add(instance(700, 20, "backfill:" + past, "BACKFILL", past, "SUCCEEDED", 1, null));
        runs.add(timedRun("every-2s", past, 700, 1, 1000, 1010, "done"));
        ChaosJobs.Backfill backfill = new ChaosJobs.Backfill(
                "alpha",
                20,
                "every-2s",
                List.of(past),
                new io.campanile.api.admin.RunBatchAnswer(1, 0, List.of(700L)),
                new io.campanile.api.admin.RunBatchAnswer(0, 1, List.of(700L)),
                past,
                past);
        withJobs(
                List.of(),
                List.of(),
                List.of(new ChaosJobs.OneOffJob("alpha", 60, "once-1", runAt)),
                List.of(backfill),
                List.of());
        assertThat(books().problems()).isEmpty();
        assertThat(books().summary(7, 0)).contains("one-off-ran=1 backfill-ran=1");

        instances.add(instance(601, 60, "again", "SCHEDULE", runAt.plusSeconds(1), "SUCCEEDED", 1, null));
        withJobs(
                List.of(),
                List.of(),
                List.of(new ChaosJobs.OneOffJob("alpha", 60, "once-1", runAt)),
                List.of(backfill.withRepeat(new io.campanile.api.admin.RunBatchAnswer(1, 0, List.of(701L)))),
                List.of());
        assertThat(books().problems())
                .anySatisfy(p -> assertThat(p).startsWith("SCHEDULE ONE-OFF alpha/once-1 (run at " + runAt + ") has 2"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("SCHEDULE BACKFILL alpha/every-2s backfill of 1: the repeat"));
    }

    @Test
    void an_overlap_job_under_faults_accepts_a_misfire_skip_but_not_two_runs_at_once() {
        cleanSoak();
        withJobs(
                List.of(),
                List.of(new ChaosJobs.OverlapJob("alpha", 80, "held-1s", io.campanile.api.OverlapPolicy.SKIP)),
                List.of(),
                List.of(),
                List.of());
        String skip = "1 earlier fire(s) of the job still going (instance 800); overlap policy SKIP";
        for (int second = 0; second <= 9; second++) {
            Instant fire = T0.plusSeconds(second);
            if (second % 2 == 0) {
                instances.add(instance(800 + second, 80, fire.toString(), "SCHEDULE", fire, "SUCCEEDED", 1, null));
                runs.add(
                        timedRun("held-1s", fire, 800 + second, 1, second * 1000L + 20, second * 1000L + 1520, "done"));
            } else {
                String why = second == 9 ? "missed after an outage (misfire policy SKIP)" : skip;
                instances.add(instance(800 + second, 80, "skip:" + second, "SCHEDULE", fire, "SKIPPED", 1, why));
            }
        }
        assertThat(books().problems()).isEmpty();
        assertThat(books().overlapSummaries()).singleElement().asString().contains("skipped=4", "ran=5");

        runs.add(timedRun("held-1s", T0.plusSeconds(2), 802, 1, 2500, 3000, "done"));
        instances.set(
                instances.size() - 1, instance(809, 80, "x", "SCHEDULE", T0.plusSeconds(9), "SUCCEEDED", 1, null));
        runs.add(timedRun("held-1s", T0.plusSeconds(9), 809, 1, 8500, 9600, "done"));
        assertThat(books().problems())
                .anySatisfy(p -> assertThat(p).startsWith("SCHEDULE OVERLAP alpha/held-1s two runs overlap"));
    }

    @Test
    void a_retried_instance_fired_within_its_lifetime_of_the_window_end_is_not_yet_stuck() {
        cleanSoak();
        withJobs(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new ChaosJobs.RetryJob("alpha", 90, "retried-6s", 3, Duration.ofSeconds(5))));
        instances.add(instance(905, 90, "a", "SCHEDULE", T0.plusSeconds(5), "WAITING", 3, "attempt 2 failed"));
        instances.add(instance(903, 90, "b", "SCHEDULE", T0.plusSeconds(3), "WAITING", 3, "attempt 2 failed"));

        assertThat(books().problems()).singleElement().asString().startsWith("STUCK instance 903");
    }

    @Test
    void a_retried_instance_ends_with_its_last_attempt_and_a_failure_left_unretried_must_say_why() {
        cleanSoak();
        withJobs(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new ChaosJobs.RetryJob("alpha", 90, "retried-6s", 3, Duration.ZERO)));
        instances.add(instance(900, 90, "a", "SCHEDULE", T0, "SUCCEEDED", 2, null));
        runs.add(timedRun("retried-6s", T0, 900, 1, 10, 800, "failed"));
        runs.add(timedRun("retried-6s", T0, 900, 2, 1300, 2100, "done"));
        // a run interrupted by its worker's stop, retried on the other worker
        instances.add(instance(903, 90, "i", "SCHEDULE", T0.plusSeconds(3), "SUCCEEDED", 2, null));
        runs.add(timedRun("retried-6s", T0.plusSeconds(3), 903, 1, 3010, 5000, "interrupted"));
        runs.add(timedRun("retried-6s", T0.plusSeconds(3), 903, 2, 5600, 6400, "done"));
        instances.add(
                instance(906, 90, "b", "SCHEDULE", T0.plusSeconds(6), "FAILED", 3, "not retried: all 3 attempts made"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            runs.add(timedRun(
                    "retried-6s", T0.plusSeconds(6), 906, attempt, 6000L * attempt, 6000L * attempt + 800, "failed"));
        }
        assertThat(books().problems()).isEmpty();
        assertThat(books().summary(7, 0))
                .contains(
                        "retry-instances=3 retry-succeeded=2 retry-failed=1 failed-attempts=5 retried=4 interrupted-runs=1");

        instances.add(
                instance(912, 90, "c", "SCHEDULE", T0.plusSeconds(7), "FAILED", 1, "failed at random on attempt 1"));
        runs.add(timedRun("retried-6s", T0.plusSeconds(7), 912, 1, 7000, 7800, "interrupted"));
        instances.add(instance(918, 90, "d", "SCHEDULE", T0.plusSeconds(8), "SUCCEEDED", 2, null));
        runs.add(timedRun("retried-6s", T0.plusSeconds(8), 918, 2, 8000, 8800, "failed"));
        assertThat(books().problems())
                .anySatisfy(p ->
                        assertThat(p).startsWith("RETRY alpha/retried-6s FAILED with attempts left and not saying why"))
                .anySatisfy(p ->
                        assertThat(p).startsWith("RETRY alpha/retried-6s SUCCEEDED but its attempt 2 did not run"));
    }
}
