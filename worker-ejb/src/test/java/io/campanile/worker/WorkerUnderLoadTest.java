package io.campanile.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ProcessResult;
import io.campanile.worker.config.Timeouts;
import io.campanile.worker.config.WorkerSettings;
import io.campanile.worker.run.ResolvedProcessor;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.testing.CapturedLog;
import io.campanile.worker.testing.Eventually;
import io.campanile.worker.testing.StockedOwnerApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole worker (threads, claims, batched reports, back-pressure) against an in-memory owner: every attempt
 * handed out runs once and its outcome is delivered once, nothing is dropped, whether reports flow or are stuck.
 */
class WorkerUnderLoadTest {

    private static final int RUNS = 20_000;

    private final Map<Long, Integer> runs = new ConcurrentHashMap<>();
    private StockedOwnerApi api;
    private Worker worker;

    private void start(long stock, int capacity) {
        api = new StockedOwnerApi(stock);
        WorkerSettings settings = new WorkerSettings(
                "app",
                "secret",
                List.of(StockedOwnerApi.SERVER),
                "worker-1",
                capacity,
                2 * capacity,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Timeouts.defaults(),
                null,
                WorkerSettings.DEFAULT_LOG_MAX_BYTES);
        worker = new Worker(
                settings,
                api,
                name -> Optional.of(ResolvedProcessor.of(context -> {
                    runs.merge(context.instanceId(), 1, Integer::sum);
                    return ProcessResult.success(null);
                })),
                Thread::new,
                System::nanoTime);
        worker.start();
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    private void assertEachRanAndWasReportedOnce(long stock) {
        assertThat(runs).hasSize((int) stock);
        assertThat(runs.values()).containsOnly(1);
        assertThat(api.claimed).hasSize((int) stock);
        assertThat(api.claimed.values()).containsOnly(1);
        assertThat(api.outcomes).hasSize((int) stock);
        assertThat(api.outcomes.values())
                .as("each outcome delivered exactly once")
                .containsOnly(1);
        assertThat(worker.undeliveredOutcomes()).isZero();
    }

    @ParameterizedTest(name = "capacity {0}, reports taking {1} ms")
    @CsvSource({"8, 0", "32, 0", "32, 2"})
    void keeps_up_with_thousands_of_tiny_runs(int capacity, long reportMillis) {
        long started = System.nanoTime();
        start(RUNS, capacity);
        api.reportsTake(reportMillis);

        Eventually.await("every outcome delivered", Duration.ofSeconds(60), () -> api.outcomeCount() >= RUNS);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEachRanAndWasReportedOnce(RUNS);
        System.out.printf(
                "capacity %d, reports taking %d ms: %d runs in %d ms, %d polls, %d report batches,"
                        + " %.1f outcomes per batch%n",
                capacity,
                reportMillis,
                RUNS,
                took.toMillis(),
                api.polls.get(),
                api.batches.get(),
                (double) RUNS / api.batches.get());
        assertThat(api.batches.get())
                .as("outcomes travel in batches, not one call each")
                .isLessThan(RUNS / 2);
    }

    @Test
    void takes_no_new_work_while_reports_fail_and_loses_nothing_when_they_recover() {
        int capacity = 8;
        long stock = 2_000;
        start(stock, capacity);
        Eventually.await("some outcomes delivered", () -> api.outcomeCount() > 100);

        api.reportsFailing(true);
        Eventually.await(
                "the worker is full of undelivered outcomes and idle",
                () -> worker.undeliveredOutcomes() >= capacity && worker.activeRuns() == 0);
        Eventually.await("reports failed a few times", () -> api.failedReportCalls.get() >= 3);
        int pollsWhileStuck = api.polls.get();
        int runsWhileStuck = runs.size();
        Eventually.await("reports failed a few more times", () -> api.failedReportCalls.get() >= 6);

        assertThat(api.polls.get()).as("no poll while outcomes are stuck").isEqualTo(pollsWhileStuck);
        assertThat(runs).hasSize(runsWhileStuck);
        assertThat(worker.undeliveredOutcomes())
                .as("bounded by twice the capacity and prefetch, and the batch allowed while reports still flowed")
                .isBetween(capacity, 2 * (capacity + 2 * capacity) - 1 + RunDispatcher.FLOWING_ALLOWANCE);

        api.reportsFailing(false);
        api.reportsTake(20); // slow, but taking reports again
        Eventually.await("every outcome delivered", Duration.ofSeconds(60), () -> api.outcomeCount() >= stock);

        assertThat(api.polls.get()).as("polling resumed").isGreaterThan(pollsWhileStuck);
        assertEachRanAndWasReportedOnce(stock);
    }

    @Test
    void on_stop_logs_how_many_outcomes_it_could_not_deliver_without_dropping_them() {
        start(500, 4); // more than one batch: the failure must come while runs are still to do
        Eventually.await("some outcomes delivered", () -> api.outcomeCount() > 10);
        api.reportsFailing(true);
        Eventually.await("outcomes stuck", () -> worker.undeliveredOutcomes() >= 4 && worker.activeRuns() == 0);
        int stuck = worker.undeliveredOutcomes();

        try (CapturedLog log = new CapturedLog(Worker.class)) {
            worker.stop();

            assertThat(log.atLeast(Level.WARNING)).singleElement().satisfies(line -> assertThat(line)
                    .contains(stuck + " outcome(s) of app app could not be delivered"));
        }
        assertThat(worker.undeliveredOutcomes()).as("kept, not dropped").isEqualTo(stuck);
        assertThat(api.outcomeCount() + stuck).isEqualTo(runs.size());
    }

    @Test
    void on_stop_delivers_the_outcomes_of_runs_that_finish_within_the_grace_period() {
        start(4, 4);
        Eventually.await("all four ran", () -> runs.size() == 4);

        worker.stop();

        assertThat(worker.undeliveredOutcomes()).isZero();
        assertThat(api.outcomes).hasSize(4);
    }
}
