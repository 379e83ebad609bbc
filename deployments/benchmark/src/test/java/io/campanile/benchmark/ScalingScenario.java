package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Campanile with many apps and jobs defined ({@link DefinedJobs}, CRON jobs none of which is due), on one
 * server and the {@code bench} app's worker only: {@link Scenario#IDLE_AT_SCALE}, the database's work per
 * second with 100 apps and 1,000 jobs; then {@link Scenario#SCALING}, for each size of
 * {@link ScalingSettings#steps()}, the idle cost again and the throughput of a backlog of due runs in the
 * {@code bench} app. The jobs accumulate: each step adds to the last, and a step whose creation runs into its
 * time bound is the last.
 */
final class ScalingScenario {

    private final BenchmarkSettings settings;
    private final ScalingSettings scale;
    private final DatabaseStats stats;

    ScalingScenario(BenchmarkSettings settings, ScalingSettings scale, DatabaseStats stats) {
        this.settings = settings;
        this.scale = scale;
        this.stats = stats;
    }

    void run(CampanileSubject subject, Results results) {
        DefinedJobs defined = new DefinedJobs(subject.admin(), scale.createThreads());
        if (settings.runs(Scenario.IDLE_AT_SCALE)) {
            idleAtScale(subject, defined, results);
        }
        if (settings.runs(Scenario.SCALING)) {
            steps(subject, defined, results);
        }
    }

    private void idleAtScale(CampanileSubject subject, DefinedJobs defined, Results results) {
        Duration creation = defined.growTo(scale.idleJobs(), scale.idleJobsPerApp(), scale.creationBound());
        IdleWindow idle = IdleWindow.measure(stats, subject.databaseName(), settings.idle(), settings.statsSettle());
        long n = Math.round(idle.seconds());
        add(results, Scenario.IDLE_AT_SCALE, "apps defined", defined.apps(), "apps", defined.apps());
        add(results, Scenario.IDLE_AT_SCALE, "jobs defined", defined.jobs(), "jobs", defined.jobs());
        add(results, Scenario.IDLE_AT_SCALE, "creating them", creation.toMillis() / 1e3, "s", defined.jobs());
        add(results, Scenario.IDLE_AT_SCALE, "idle transactions", idle.transactionsPerSecond(), "1/s", n);
        add(results, Scenario.IDLE_AT_SCALE, "idle rows written", idle.rowsWrittenPerSecond(), "1/s", n);
        if (stats.statementsLoaded()) {
            add(results, Scenario.IDLE_AT_SCALE, "idle statements", idle.statementsPerSecond(), "1/s", n);
            add(
                    results,
                    Scenario.IDLE_AT_SCALE,
                    "idle BEGIN/COMMIT/ROLLBACK",
                    idle.transactionControlPerSecond(),
                    "1/s",
                    n);
        }
        results.section(
                "Campanile's statements per second, idle with " + defined.apps() + " apps and " + defined.jobs()
                        + " jobs (IDLE_AT_SCALE)",
                TopStatements.table(
                        stats.topStatements(subject.databaseName(), DatabaseCost.TOP), idle.seconds(), "per second"));
    }

    private void steps(CampanileSubject subject, DefinedJobs defined, Results results) {
        List<ScalingStep> steps = new ArrayList<>();
        for (int target : scale.steps()) {
            Duration creation = defined.growTo(target, scale.jobsPerApp(), scale.creationBound());
            boolean cutShort = defined.jobs() < target;
            System.out.println("scaling: " + defined.jobs() + " jobs in " + defined.apps() + " apps, created in "
                    + creation.toSeconds() + " s" + (cutShort ? " (time bound)" : ""));
            ScalingStep step = measure(subject, defined, creation, cutShort);
            steps.add(step);
            String at = " at " + step.jobs() + " jobs";
            long n = Math.round(step.idle().seconds());
            add(results, Scenario.SCALING, "creating them" + at, creation.toMillis() / 1e3, "s", step.jobs());
            add(results, Scenario.SCALING, "idle transactions" + at, step.idle().transactionsPerSecond(), "1/s", n);
            if (stats.statementsLoaded()) {
                add(
                        results,
                        Scenario.SCALING,
                        "idle statements" + at,
                        step.idle().statementsPerSecond(),
                        "1/s",
                        n);
            }
            add(results, Scenario.SCALING, "throughput" + at, step.throughput(), "runs/s", step.executed());
            add(results, Scenario.SCALING, "misses" + at, step.backlog() - step.executed(), "runs", step.backlog());
            if (cutShort) {
                results.note("SCALING: creating the jobs ran into its bound of "
                        + scale.creationBound().toSeconds() + " s at " + step.jobs() + " jobs (target " + target
                        + "); larger steps were skipped.");
                break;
            }
        }
        results.section("Campanile as the defined jobs grow (SCALING)", ScalingStep.table(steps));
    }

    private ScalingStep measure(CampanileSubject subject, DefinedJobs defined, Duration creation, boolean cutShort) {
        String database = subject.databaseName();
        IdleWindow idle = IdleWindow.measure(stats, database, settings.idle(), settings.statsSettle());
        stats.resetStatements();
        Counters before = stats.read(database);
        List<String> keys = subject.createDueNow("scale", scale.backlogRuns());
        Tally tally = Await.calls(subject, new HashSet<>(keys), settings.scenarioTimeout(), settings.quiet());
        Await.pause(settings.statsSettle());
        Counters delta = stats.read(database).minus(before);
        double runs = Math.max(1, tally.executed());
        return new ScalingStep(
                defined.jobs(),
                defined.apps(),
                creation,
                cutShort,
                idle,
                tally.throughputPerSecond(),
                tally.executed(),
                keys.size(),
                delta.transactions() / runs,
                delta.statements().isPresent()
                        ? OptionalDouble.of(delta.statements().getAsLong() / runs)
                        : OptionalDouble.empty());
    }

    private static void add(Results results, Scenario scenario, String metric, double value, String unit, long n) {
        results.add(new Figure(scenario, Summary.CAMPANILE, metric, value, unit, n));
    }
}
