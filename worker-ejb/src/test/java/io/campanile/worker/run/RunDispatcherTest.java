package io.campanile.worker.run;

import static io.campanile.worker.testing.Assignments.anAssignment;
import static io.campanile.worker.testing.Assignments.anAssignmentStartingIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ProcessResult;
import io.campanile.api.ProcessorContext;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunDispatcherTest {

    private final List<Outcome> reports = new CopyOnWriteArrayList<>();
    private final List<ProcessorContext> contexts = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, io.campanile.api.Processor> processors = Map.of(
            "hello",
                    context -> {
                        contexts.add(context);
                        return ProcessResult.success("said hello");
                    },
            "broken",
                    context -> {
                        throw new IllegalArgumentException("bad parameters");
                    },
            "slow",
                    context -> {
                        release.await(10, TimeUnit.SECONDS);
                        return ProcessResult.success("done");
                    });
    private final Executor executor = new Executor();
    private final AtomicInteger undelivered = new AtomicInteger();
    private final RunDispatcher runs = new RunDispatcher(
            2,
            new AssignmentRunner(
                    "demo", name -> Optional.ofNullable(processors.get(name)).map(ResolvedProcessor::of), reports::add),
            executor,
            undelivered::get);

    /** Runs tasks on the calling thread, except where a test needs them in the background. */
    private static final class Executor implements java.util.concurrent.Executor {
        final ExecutorService background = Executors.newCachedThreadPool();
        volatile boolean inBackground;

        @Override
        public void execute(Runnable task) {
            if (inBackground) {
                background.execute(task);
            } else {
                task.run();
            }
        }
    }

    @AfterEach
    void stopBackground() {
        release.countDown();
        executor.background.shutdownNow();
    }

    @Test
    void queues_only_the_outcome_of_a_run() {
        runs.start(anAssignment(1, 2, 3, "hello", "a=1"));

        assertThat(reports)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("startedAt")
                .containsExactly(new Outcome(
                        1,
                        2,
                        ReportedState.SUCCEEDED,
                        "said hello",
                        null,
                        null,
                        java.time.Instant.parse("2026-11-24T10:00:05Z")));
    }

    @Test
    void gives_the_processor_the_instance_attempt_epoch_and_parameters() {
        runs.start(anAssignment(11, 2, 3, "hello", "a=1"));

        ProcessorContext context = contexts.get(0);
        assertThat(context.instanceId()).isEqualTo(11);
        assertThat(context.attempt()).isEqualTo(2);
        assertThat(context.epoch()).isEqualTo(3);
        assertThat(context.appName()).isEqualTo("demo");
        assertThat(context.jobName()).isEqualTo("job-7");
        assertThat(context.parameters()).isEqualTo("a=1");
        assertThat(context.scheduledFireTime()).isEqualTo(anAssignment(11, 3).fireTime());
    }

    @Test
    void runs_a_later_attempt_of_the_same_instance() {
        runs.start(anAssignment(1, 1, 3, "hello", null));
        runs.start(anAssignment(1, 2, 3, "hello", null));

        assertThat(contexts).extracting(ProcessorContext::attempt).containsExactly(1, 2);
    }

    @Test
    void reports_failure_naming_an_unknown_processor_and_the_app() {
        runs.start(anAssignment(1, 1, 3, "nobody", null));

        assertThat(reports)
                .last()
                .extracting(Outcome::state, Outcome::message)
                .containsExactly(ReportedState.FAILED, "no processor named nobody in app demo");
    }

    @Test
    void reports_a_thrown_exception_as_failure_with_its_class_and_message() {
        runs.start(anAssignment(1, 1, 3, "broken", null));

        assertThat(reports)
                .last()
                .extracting(Outcome::state, Outcome::message)
                .containsExactly(ReportedState.FAILED, "java.lang.IllegalArgumentException: bad parameters");
    }

    @Test
    void counts_active_runs_against_the_capacity() throws Exception {
        executor.inBackground = true;

        runs.start(anAssignment(1, 1, 3, "slow", null));
        runs.start(anAssignment(2, 1, 3, "slow", null));

        assertThat(runs.active()).isEqualTo(2);
        assertThat(runs.free()).isZero();
        release.countDown();
        assertThat(runs.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(runs.free()).isEqualTo(2);
    }

    @Test
    void takes_no_new_work_while_as_many_outcomes_as_its_capacity_wait_for_delivery() {
        undelivered.set(2);
        assertThat(runs.free()).isZero();

        undelivered.set(1);
        assertThat(runs.free()).isEqualTo(2);
    }

    @Test
    void while_reports_flow_one_batch_more_may_wait_and_none_once_they_stop() {
        java.util.concurrent.atomic.AtomicBoolean flowing = new java.util.concurrent.atomic.AtomicBoolean(true);
        RunDispatcher lenient = new RunDispatcher(
                2,
                0,
                new AssignmentRunner("demo", name -> Optional.empty(), reports::add),
                executor,
                undelivered::get,
                flowing::get);

        undelivered.set(2 + RunDispatcher.FLOWING_ALLOWANCE - 1);
        assertThat(lenient.free()).isEqualTo(2);
        undelivered.set(2 + RunDispatcher.FLOWING_ALLOWANCE);
        assertThat(lenient.free()).isZero();
        undelivered.set(2);
        flowing.set(false);
        assertThat(lenient.free()).as("reports no longer delivered").isZero();
        undelivered.set(1);
        assertThat(lenient.free()).isEqualTo(2);
    }

    @Test
    void a_waiting_poll_wakes_up_when_outcomes_are_delivered() throws Exception {
        undelivered.set(2);
        executor.background.execute(() -> {
            undelivered.set(0);
            runs.wakeUp();
        });

        long started = System.nanoTime();
        assertThat(runs.awaitFree(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .as("woken, not timed out")
                .isLessThan(java.time.Duration.ofSeconds(5));
    }

    @Test
    void reports_an_assignment_it_cannot_start_because_the_pool_is_shut_down() {
        RunDispatcher closed = new RunDispatcher(
                2,
                new AssignmentRunner("demo", name -> Optional.empty(), reports::add),
                task -> {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                },
                () -> 0);

        closed.start(anAssignment(1, 3));

        assertThat(reports).singleElement().extracting(Outcome::state).isEqualTo(ReportedState.FAILED);
        assertThat(closed.active()).isZero();
    }

    @Test
    void claimed_runs_beyond_the_threads_wait_in_order_and_count_as_active() throws Exception {
        executor.inBackground = true;
        RunDispatcher prefetching = new RunDispatcher(2, 2, runnerOf(reports), executor, undelivered::get, () -> true);

        for (int id = 1; id <= 4; id++) {
            prefetching.start(anAssignment(id, 1, 3, "slow", null));
        }

        assertThat(prefetching.active()).isEqualTo(4);
        assertThat(prefetching.free()).isZero();
        release.countDown();
        assertThat(prefetching.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(reports).extracting(Outcome::instanceId).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(prefetching.free()).isEqualTo(4);
    }

    @Test
    void asks_for_its_free_threads_plus_the_prefetch() throws Exception {
        executor.inBackground = true;
        RunDispatcher prefetching = new RunDispatcher(2, 3, runnerOf(reports), executor, undelivered::get, () -> true);

        assertThat(prefetching.free()).isEqualTo(5);
        prefetching.start(anAssignment(1, 1, 3, "slow", null));
        assertThat(prefetching.free()).isEqualTo(4);
    }

    @Test
    void asks_again_only_once_half_the_prefetch_is_free() throws Exception {
        executor.inBackground = true;
        RunDispatcher prefetching = new RunDispatcher(1, 4, runnerOf(reports), executor, undelivered::get, () -> true);
        for (int id = 1; id <= 4; id++) {
            prefetching.start(anAssignment(id, 1, 3, "slow", null));
        }

        assertThat(prefetching.free())
                .as("1 of 5 free, less than half the prefetch")
                .isZero();
        prefetching.start(anAssignment(5, 1, 3, "hello", null));
        assertThat(prefetching.free()).isZero();
        release.countDown();
        assertThat(prefetching.awaitFree(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(prefetching.free()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_stopping_worker_reports_the_waiting_runs_failed_without_running_them() throws Exception {
        executor.inBackground = true;
        RunDispatcher prefetching = new RunDispatcher(1, 2, runnerOf(reports), executor, undelivered::get, () -> true);
        prefetching.start(anAssignment(1, 1, 3, "slow", null));
        prefetching.start(anAssignment(2, 1, 3, "hello", null));
        prefetching.start(anAssignment(3, 1, 3, "hello", null));

        assertThat(prefetching.refuseWaiting("stopping")).isEqualTo(2);

        assertThat(reports)
                .extracting(Outcome::instanceId, Outcome::state, Outcome::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, ReportedState.FAILED, "stopping"),
                        org.assertj.core.groups.Tuple.tuple(3L, ReportedState.FAILED, "stopping"));
        release.countDown();
        assertThat(prefetching.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(contexts).as("only the first ran").isEmpty();
        assertThat(reports).extracting(Outcome::instanceId).containsExactly(2L, 3L, 1L);
    }

    @Test
    void work_handed_out_ahead_waits_on_its_run_thread_and_is_refused_unstarted_if_the_worker_stops_first()
            throws Exception {
        executor.inBackground = true;
        runs.start(anAssignmentStartingIn(1, 60_000), System.nanoTime());

        assertThat(runs.active()).isEqualTo(1);
        assertThat(runs.deferred().claims()).extracting(c -> c.instanceId()).containsExactly(1L);
        assertThat(runs.refuseWaiting("stopping")).isEqualTo(1);

        assertThat(runs.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(contexts).as("never started").isEmpty();
        assertThat(reports)
                .extracting(Outcome::instanceId, Outcome::state, Outcome::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, ReportedState.FAILED, "stopping"));
    }

    @Test
    void work_handed_out_ahead_starts_on_its_run_thread_at_its_time() throws Exception {
        executor.inBackground = true;
        long arrived = System.nanoTime();
        runs.start(anAssignmentStartingIn(1, 100), arrived);

        assertThat(runs.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(contexts).extracting(ProcessorContext::instanceId).containsExactly(1L);
        assertThat(System.nanoTime() - arrived).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void work_whose_hand_out_arrived_late_starts_at_its_instant_on_the_owners_clock() throws Exception {
        executor.inBackground = true;
        Instant ownerNow = Instant.parse("2026-12-01T10:00:00Z");
        long now = System.nanoTime();
        runs.ownerClock().sync("owner", ownerNow, now, now);

        // by the delay after arrival it would start in 60 s; by the owner's clock it is due in 50 ms
        runs.start(anAssignmentStartingIn(1, 60_000, ownerNow.plusMillis(50)), now);

        assertThat(runs.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(contexts).extracting(ProcessorContext::instanceId).containsExactly(1L);
        assertThat(System.nanoTime() - now).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void work_starts_after_its_delay_when_the_owners_clock_says_later() throws Exception {
        executor.inBackground = true;
        Instant ownerNow = Instant.parse("2026-12-01T10:00:00Z");
        long now = System.nanoTime();
        runs.ownerClock().sync("owner", ownerNow, now, now);

        runs.start(anAssignmentStartingIn(1, 100, ownerNow.plusSeconds(60)), now);

        assertThat(runs.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(contexts).extracting(ProcessorContext::instanceId).containsExactly(1L);
        assertThat(System.nanoTime() - now).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void work_whose_start_time_passed_during_the_claim_starts_at_once() {
        runs.start(anAssignmentStartingIn(1, 20), System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50));

        assertThat(contexts).extracting(ProcessorContext::instanceId).containsExactly(1L);
        assertThat(runs.deferred().size()).isZero();
    }

    @Test
    void waiting_runs_are_reported_failed_once_the_executor_refuses_work() {
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Runnable> held = new java.util.ArrayList<>();
        RunDispatcher prefetching = new RunDispatcher(
                1,
                5,
                runnerOf(reports),
                task -> {
                    if (!open.get()) {
                        throw new java.util.concurrent.RejectedExecutionException("shut down");
                    }
                    held.add(task);
                },
                undelivered::get,
                () -> true);
        for (int id = 1; id <= 4; id++) {
            prefetching.start(anAssignment(id, 1, 3, "hello", null));
        }
        open.set(false);

        held.get(0).run();

        assertThat(reports)
                .extracting(Outcome::instanceId, Outcome::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, ReportedState.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(2L, ReportedState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(3L, ReportedState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(4L, ReportedState.FAILED));
        assertThat(prefetching.active()).isZero();
    }

    private AssignmentRunner runnerOf(List<Outcome> outcomes) {
        return new AssignmentRunner(
                "demo", name -> Optional.ofNullable(processors.get(name)).map(ResolvedProcessor::of), outcomes::add);
    }
}
