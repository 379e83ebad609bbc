package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.NonRetryableException;
import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.Refusal;
import io.campanile.worker.testing.ManualNanos;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the runner tells the server about a run: its state, its message, and whether a failure may be retried. */
class AssignmentRunnerTest {

    private final List<Outcome> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AssignmentRunner runner(Processor processor) {
        return new AssignmentRunner("billing", name -> Optional.of(ResolvedProcessor.of(processor)), reported::add);
    }

    @Test
    void a_retry_sees_its_attempt_and_how_the_attempt_before_it_ended() {
        AtomicReference<ProcessorContext> seen = new AtomicReference<>();

        runner(context -> {
                    seen.set(context);
                    return ProcessResult.success("ok");
                })
                .run(assignment(2, "attempt 1 failed: boom"));

        assertThat(seen.get().attempt()).isEqualTo(2);
        assertThat(seen.get().previousOutcome()).isEqualTo("attempt 1 failed: boom");
        assertThat(reported)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("startedAt")
                .containsExactly(new Outcome(
                        41,
                        2,
                        ReportedState.SUCCEEDED,
                        "ok",
                        null,
                        null,
                        java.time.Instant.parse("2026-11-24T10:00:05Z")));
    }

    @Test
    void an_outcome_says_when_its_processor_started_on_the_workers_clock() {
        java.time.Instant before = java.time.Instant.now();
        AtomicReference<java.time.Instant> startSeen = new AtomicReference<>();

        runner(context -> {
                    startSeen.set(java.time.Instant.now());
                    return ProcessResult.success("ok");
                })
                .run(assignment(1, null));

        assertThat(reported)
                .singleElement()
                .satisfies(o -> assertThat(o.startedAt()).isNotNull().isBetween(before, startSeen.get()));
    }

    @Test
    void a_failure_may_be_retried_unless_the_processor_says_no_retry_can_mend_it() {
        runner(context -> ProcessResult.failure("flaky")).run(assignment(1, null));
        runner(context -> ProcessResult.failure("bad input").notRetryable()).run(assignment(1, null));
        runner(context -> {
                    throw new NonRetryableException("no such customer");
                })
                .run(assignment(1, null));
        runner(context -> {
                    throw new IllegalStateException("database down");
                })
                .run(assignment(1, null));

        assertThat(reported).extracting(Outcome::mayRetry).containsExactly(true, false, false, true);
        assertThat(reported.get(2).message()).contains("no such customer");
    }

    @Test
    void past_its_time_limit_a_run_is_reported_timed_out_at_once_and_its_thread_interrupted() throws Exception {
        ManualNanos clock = new ManualNanos();
        AtomicReference<Boolean> sawCancelled = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AssignmentRunner runner = new AssignmentRunner(
                "billing",
                name -> Optional.of(ResolvedProcessor.of(context -> {
                    started.countDown();
                    switch (name) {
                        case "sleeper" -> sleepUntilInterrupted();
                        case "looper" -> {
                            while (!context.cancelled()) {
                                Thread.onSpinWait();
                            }
                            sawCancelled.set(true);
                        }
                        default -> awaitIgnoringInterrupts(release); // "stubborn": returns once released below
                    }
                    return ProcessResult.success(name + " done");
                })),
                reported::add,
                clock);
        List<Thread> threads = List.of(
                runOn(runner, limited(51, "sleeper")),
                runOn(runner, limited(52, "looper")),
                runOn(runner, limited(53, "stubborn")));
        assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        runner.watch().check();
        assertThat(reported).as("before the limit").isEmpty();

        clock.advance(java.time.Duration.ofSeconds(2));
        runner.watch().check();

        threads.get(0).join(5000);
        threads.get(1).join(5000);
        assertThat(sawCancelled.get()).isTrue();
        assertThat(reported)
                .extracting(Outcome::instanceId, Outcome::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(51L, ReportedState.TIMED_OUT),
                        org.assertj.core.groups.Tuple.tuple(52L, ReportedState.TIMED_OUT),
                        org.assertj.core.groups.Tuple.tuple(53L, ReportedState.TIMED_OUT));
        assertThat(reported).allSatisfy(o -> assertThat(o.message()).startsWith("timed out after PT2S"));
        assertThat(threads.get(2).isAlive())
                .as("the stubborn one is still running")
                .isTrue();
        release.countDown();
        threads.get(2).join(5000);
        assertThat(reported).as("its late result is dropped").hasSize(3);
    }

    @Test
    void an_attempt_the_owner_says_to_stop_is_cancelled_and_interrupted_and_reports_nothing() throws Exception {
        AtomicReference<Boolean> sawCancelled = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        AssignmentRunner runner = runner(context -> {
            started.countDown();
            sleepUntilInterrupted();
            sawCancelled.set(context.cancelled());
            return ProcessResult.success("finished anyway");
        });
        Thread thread = runOn(runner, assignment(1, null));
        assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(runner.watch().running()).containsExactly(new Claim(41, 1));

        assertThat(runner.watch().stop(List.of(new Refusal(41, 2, "another attempt"))))
                .isZero();
        assertThat(runner.watch().stop(List.of(new Refusal(41, 1, "instance 41 is CANCELLED"))))
                .isEqualTo(1);
        thread.join(5000);

        assertThat(sawCancelled.get()).isTrue();
        assertThat(reported).as("the server recorded its end").isEmpty();
        assertThat(runner.watch().running()).isEmpty();
    }

    @Test
    void a_stopping_worker_interrupts_what_still_runs_and_reports_it_failed_to_be_retried_at_once() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AssignmentRunner runner = runner(context -> {
            started.countDown();
            sleepUntilInterrupted();
            return ProcessResult.success("finished anyway");
        });
        Thread thread = runOn(runner, assignment(1, null));
        assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(runner.interruptAll("the worker stopped")).isEqualTo(1);
        thread.join(5000);

        assertThat(reported)
                .containsExactly(new Outcome(41, 1, ReportedState.FAILED, "the worker stopped", null, null, null));
        assertThat(reported.get(0).mayRetry()).isTrue();
    }

    private static Thread runOn(AssignmentRunner runner, Assignment assignment) {
        return runOn(() -> runner.run(assignment));
    }

    private static Thread runOn(Runnable run) {
        Thread thread = new Thread(run);
        thread.start();
        return thread;
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                // ignored on purpose: a processor that does not stop when interrupted
            }
        }
    }

    private static void sleepUntilInterrupted() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Assignment limited(long instanceId, String processor) {
        return new Assignment(
                instanceId,
                1,
                7,
                "job-7",
                processor,
                Instant.parse("2026-11-24T10:00:05Z"),
                3,
                null,
                null,
                2000L,
                null,
                null,
                null);
    }

    private static Assignment assignment(int attempt, String previousOutcome) {
        return new Assignment(
                41,
                attempt,
                7,
                "job-7",
                "p",
                Instant.parse("2026-11-24T10:00:05Z"),
                3,
                null,
                previousOutcome,
                null,
                null,
                null,
                null);
    }
}
