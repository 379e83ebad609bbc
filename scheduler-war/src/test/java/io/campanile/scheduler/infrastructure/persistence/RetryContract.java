package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.ReportedState;
import io.campanile.api.ScheduleType;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.RecordOutcomes;
import io.campanile.scheduler.application.RetryFailures;
import io.campanile.scheduler.application.SchedulerMetrics;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.time.MonotonicClock;
import io.campanile.scheduler.testing.RecordingMetrics;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries against each database (H2 in {@code H2RetryContractTest}, PostgreSQL in {@code PostgresRetryContractIT}):
 * a failed or lost attempt is retried per its job's policy through the conditional updates, its history kept, and
 * a repeated or late report changes nothing.
 */
abstract class RetryContract {

    private static final ServerIdentity A = new ServerIdentity("server-a", "http://127.0.0.1:1/a");
    private static final long EPOCH = 1;

    private static TestDatabase db;
    private String app;

    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void ownAnApp() {
        app = "retry-" + System.nanoTime();
        db.addOwnedApp(app, A);
    }

    @Test
    void a_failed_attempt_waits_its_backoff_keeps_its_history_and_the_last_failure_ends_the_instance() {
        Job job = apiJob(3, Duration.ofSeconds(2));
        long id = waitingRun(job);
        Instant before = Instant.now();

        claim("w1", id, 1);
        assertThat(report("w1", new Outcome(id, 1, ReportedState.FAILED, "boom", null, null, null))
                        .recorded())
                .isEqualTo(1);

        JobInstance retried = instance(id);
        assertThat(retried.state()).isEqualTo(InstanceState.WAITING);
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(retried.workerId()).isNull();
        assertThat(retried.result()).isEqualTo("attempt 1 failed: boom");
        assertThat(retried.dueAt())
                .isBetween(before.plusMillis(1500), Instant.now().plusMillis(2500));
        assertThat(due(Instant.now())).as("not during its backoff").isEmpty();
        assertThat(due(retried.dueAt())).singleElement().satisfies(d -> {
            assertThat(d.attempt()).isEqualTo(2);
            assertThat(d.previousOutcome()).isEqualTo("attempt 1 failed: boom");
        });
        assertThat(earlier(id)).singleElement().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.workerId()).isEqualTo("w1");
            assertThat(a.epoch()).isEqualTo(EPOCH);
            assertThat(a.outcome()).isEqualTo(AttemptEnd.FAILED);
            assertThat(a.result()).isEqualTo("boom");
            assertThat(a.retriedBy()).isEqualTo(A.id());
            assertThat(a.startedAt()).isNotNull();
        });

        ReportAnswer repeated = report("w1", new Outcome(id, 1, ReportedState.FAILED, "boom", null, null, null));
        assertThat(repeated.recorded())
                .as("the same report again counts as recorded")
                .isEqualTo(1);
        assertThat(instance(id).attempt()).as("and changes nothing").isEqualTo(2);

        claim("w2", id, 2);
        report("w2", new Outcome(id, 2, ReportedState.FAILED, "boom again", null, null, null));
        assertThat(instance(id).attempt()).isEqualTo(3);
        claim("w1", id, 3);
        report("w1", new Outcome(id, 3, ReportedState.FAILED, "still broken", null, null, null));

        JobInstance ended = instance(id);
        assertThat(ended.state()).isEqualTo(InstanceState.FAILED);
        assertThat(ended.attempt()).isEqualTo(3);
        assertThat(ended.result()).isEqualTo("still broken (not retried: all 3 attempts made)");
        assertThat(earlier(id)).extracting(EarlierAttempt::attempt).containsExactly(1, 2);
    }

    @Test
    void a_timed_out_attempt_is_retried_like_a_failure_and_the_last_one_ends_the_instance_timed_out() {
        long id = waitingRun(apiJob(2, Duration.ZERO));
        claim("w1", id, 1);

        report("w1", new Outcome(id, 1, ReportedState.TIMED_OUT, "timed out after PT2S", null, null, null));
        assertThat(instance(id).result()).isEqualTo("attempt 1 timed out: timed out after PT2S");
        assertThat(earlier(id)).extracting(EarlierAttempt::outcome).containsExactly(AttemptEnd.TIMED_OUT);
        assertThat(report("w1", new Outcome(id, 1, ReportedState.TIMED_OUT, "timed out after PT2S", null, null, null))
                        .recorded())
                .as("repeated")
                .isEqualTo(1);
        claim("w2", id, 2);
        report("w2", new Outcome(id, 2, ReportedState.TIMED_OUT, "timed out after PT2S", null, null, null));

        assertThat(instance(id).state()).isEqualTo(InstanceState.TIMED_OUT);
        assertThat(instance(id).result()).isEqualTo("timed out after PT2S (not retried: all 2 attempts made)");
    }

    @Test
    void a_failure_the_processor_says_no_retry_can_mend_ends_the_instance_at_once() {
        long id = waitingRun(apiJob(5, Duration.ofSeconds(1)));
        claim("w1", id, 1);

        report("w1", new Outcome(id, 1, ReportedState.FAILED, "bad input", false, null, null));

        assertThat(instance(id).state()).isEqualTo(InstanceState.FAILED);
        assertThat(instance(id).result()).contains("not retried: the processor said no retry can mend it");
        assertThat(earlier(id)).isEmpty();
    }

    @Test
    void without_a_retry_policy_a_failure_ends_the_instance_with_its_message_as_it_was() {
        long id = waitingRun(apiJob(1, Duration.ofSeconds(1)));
        claim("w1", id, 1);

        report("w1", new Outcome(id, 1, ReportedState.FAILED, "boom", null, null, null));

        assertThat(instance(id).state()).isEqualTo(InstanceState.FAILED);
        assertThat(instance(id).result()).isEqualTo("boom");
    }

    @Test
    void a_scheduled_jobs_retry_must_start_before_its_next_fire_time() {
        Job job = new Job(app, "minutely", "p", ScheduleType.CRON, "0 * * * * *", "UTC", null, true, Instant.now());
        job.retry().set(3, Duration.ofMinutes(2), Duration.ofMinutes(5), 0, null);
        db.run(em -> new JpaJobRepository(em).add(job));
        long id = waitingRun(job);
        claim("w1", id, 1);

        report("w1", new Outcome(id, 1, ReportedState.FAILED, "boom", null, null, null));

        assertThat(instance(id).state()).isEqualTo(InstanceState.FAILED);
        assertThat(instance(id).result())
                .contains("not retried: attempt 2 would start at")
                .contains("next fire time");
    }

    @Test
    void a_lost_workers_attempt_is_retried_and_its_late_report_is_refused_with_the_reason() {
        long id = waitingRun(apiJob(2, Duration.ofMillis(0)));
        claim("w1", id, 1);

        RetryFailures.Verdict verdict = db.tx(em -> retries(em)
                .afterFailure(app, new Attempt(id, 1), "w1", AttemptEnd.WORKER_LOST, "worker w1 lost", true));

        assertThat(verdict.retried()).isTrue();
        assertThat(instance(id).result()).isEqualTo("attempt 1 lost: worker w1 lost");
        ReportAnswer late =
                report("w1", new Outcome(id, 1, ReportedState.SUCCEEDED, "done after all", null, null, null));
        assertThat(late.recorded()).isZero();
        assertThat(late.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("given up when worker w1 was declared lost")
                .contains("at attempt 2"));
        assertThat(instance(id).state()).isEqualTo(InstanceState.WAITING);
    }

    @Test
    void an_operator_stops_retries_and_marks_succeeded_each_from_the_state_seen_and_a_late_report_changes_nothing() {
        long id = waitingRun(apiJob(1, Duration.ZERO));
        claim("w1", id, 1);

        assertThat(did(r -> r.stop(id, "stopped: wrong input"))).isTrue();
        assertThat(instance(id).state()).isEqualTo(InstanceState.CANCELLED);
        assertThat(report("w1", new Outcome(id, 1, ReportedState.SUCCEEDED, "done", null, null, null))
                        .recorded())
                .as("the worker's late report")
                .isZero();
        assertThat(did(r -> r.stop(id, "again"))).as("already ended").isFalse();

        Instant now = Instant.now();
        assertThat(did(r -> r.rerun(id, 1, InstanceState.FAILED, now, "x", A.id())))
                .as("not the state it is in")
                .isFalse();
        assertThat(did(r -> r.rerun(id, 1, InstanceState.CANCELLED, now, "run again", A.id())))
                .isTrue();
        JobInstance again = instance(id);
        assertThat(again.state()).isEqualTo(InstanceState.WAITING);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.finishedAt()).isNull();
        assertThat(earlier(id)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptEnd.CANCELLED);
            assertThat(a.result()).isEqualTo("stopped: wrong input");
            assertThat(a.workerId()).isEqualTo("w1");
        });

        claim("w2", id, 2);
        report("w2", new Outcome(id, 2, ReportedState.FAILED, "still wrong", null, null, null));
        assertThat(did(r -> r.markSucceeded(id, 2, InstanceState.FAILED, "fixed by hand")))
                .isTrue();
        assertThat(instance(id).state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(instance(id).result()).isEqualTo("fixed by hand");
        assertThat(did(r -> r.markSucceeded(id, 2, InstanceState.SUCCEEDED, "again")))
                .as("a succeeded instance is not marked again")
                .isFalse();
    }

    /** One change through the repository, in a transaction of its own; whether it changed the instance. */
    private boolean did(java.util.function.Function<JpaInstanceRepository, Boolean> change) {
        return db.<Boolean>tx(em -> change.apply(instances(em)));
    }

    @Test
    void recorded_ends_are_counted_and_a_first_attempt_measures_its_fire_lag_but_a_retry_does_not() {
        Job job = apiJob(2, Duration.ZERO);
        long id = waitingRun(job);
        Instant fireTime = instance(id).fireTime();
        RecordingMetrics metrics = new RecordingMetrics();

        claim("w1", id, 1);
        report("w1", new Outcome(id, 1, ReportedState.FAILED, "boom", null, fireTime.plusMillis(120), null), metrics);
        claim("w1", id, 2);
        report("w1", new Outcome(id, 2, ReportedState.SUCCEEDED, "ok", null, Instant.now(), null), metrics);
        report(
                "w1",
                new Outcome(id, 3, ReportedState.SUCCEEDED, "no such attempt", null, Instant.now(), null),
                metrics);

        assertThat(metrics.calls)
                .filteredOn(c -> !c.startsWith("timed"))
                .containsExactly("run " + app + " FAILED", "lag " + app + " 120ms", "run " + app + " SUCCEEDED");
    }

    @Test
    void the_fire_time_a_worker_sends_back_measures_the_lag() {
        long id = waitingRun(apiJob(1, Duration.ZERO));
        Instant sent = instance(id).fireTime().minusSeconds(1); // not the stored one: this one is used
        RecordingMetrics metrics = new RecordingMetrics();

        claim("w1", id, 1);
        report("w1", new Outcome(id, 1, ReportedState.SUCCEEDED, "ok", null, sent.plusMillis(7), sent), metrics);

        assertThat(metrics.calls).contains("lag " + app + " 7ms");
    }

    @Test
    void an_outcome_from_a_worker_that_does_not_say_when_it_started_measures_no_lag() {
        long id = waitingRun(apiJob(1, Duration.ZERO));
        RecordingMetrics metrics = new RecordingMetrics();

        claim("w1", id, 1);
        report("w1", new Outcome(id, 1, ReportedState.SUCCEEDED, "ok", null, null, null), metrics);

        assertThat(metrics.calls).containsExactly("timed REPORT", "run " + app + " SUCCEEDED");
    }

    private ReportAnswer report(String worker, Outcome outcome, RecordingMetrics metrics) {
        return db.tx(em -> new RecordOutcomes(instances(em), retries(em), metrics)
                .record(app, new ReportBatch(worker, List.of(outcome))));
    }

    private Job apiJob(int maxAttempts, Duration backoff) {
        Job job =
                new Job(app, "job-" + System.nanoTime(), "p", ScheduleType.API, null, "UTC", null, true, Instant.now());
        job.retry().set(maxAttempts, backoff, Duration.ofMinutes(1), 0, null);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    private long waitingRun(Job job) {
        Instant now = Instant.now();
        JobInstance run = JobInstance.requested(job, "r-" + System.nanoTime(), now, null, EPOCH, A.id(), now);
        db.run(em -> instances(em).add(run));
        return run.id();
    }

    private void claim(String worker, long id, int attempt) {
        List<AttemptSnapshot> claimed =
                db.tx(em -> instances(em).claim(app, worker, EPOCH, List.of(new Attempt(id, attempt))));
        assertThat(claimed).singleElement().satisfies(s -> assertThat(s.isRunningOn(attempt, worker, EPOCH))
                .isTrue());
    }

    private ReportAnswer report(String worker, Outcome outcome) {
        return db.tx(em -> new RecordOutcomes(instances(em), retries(em), SchedulerMetrics.NONE)
                .record(app, new ReportBatch(worker, List.of(outcome))));
    }

    private JobInstance instance(long id) {
        return db.tx(em -> instances(em).find(id)).orElseThrow();
    }

    private List<EarlierAttempt> earlier(long id) {
        return db.tx(em -> instances(em).earlierAttempts(id));
    }

    private List<DueAttempt> due(Instant at) {
        return db.tx(em -> instances(em).findDue(app, at, 10));
    }

    private static RetryFailures retries(EntityManager em) {
        return new RetryFailures(
                instances(em),
                new JpaJobRepository(em),
                new DueWork(),
                A,
                new DatabaseClock(Clock.systemUTC(), MonotonicClock.system()));
    }

    private static JpaInstanceRepository instances(EntityManager em) {
        return new JpaInstanceRepository(em, db.dialect(), TestDatabase.jdbcOf(em));
    }
}
