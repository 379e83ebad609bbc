package io.campanile.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What one step of {@link Scenario#SCALING} measured: with {@code jobs} defined in {@code apps}, the idle cost
 * and the throughput of a backlog of due runs, with that backlog's database cost per run.
 *
 * @param cutShort whether creating the jobs ran into its time bound before reaching the step's size
 */
record ScalingStep(
        int jobs,
        int apps,
        Duration creation,
        boolean cutShort,
        IdleWindow idle,
        double throughput,
        int executed,
        int backlog,
        double transactionsPerRun,
        OptionalDouble statementsPerRun) {

    /** The summary's table: a row per step. */
    static String table(List<ScalingStep> steps) {
        StringBuilder out = new StringBuilder(
                "| jobs defined | apps | creating them | idle statements/s"
                        + " | idle BEGIN/COMMIT/s | idle transactions/s | idle rows written/s | throughput runs/s (ran/backlog)"
                        + " | statements per run (idle background included) | transactions per run (same) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScalingStep step : steps) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d%s | %d | %d s | %s | %s | %.2f | %.2f | %.1f (%d/%d) | %s | %.2f |\n",
                    step.jobs,
                    step.cutShort ? " (time bound)" : "",
                    step.apps,
                    step.creation.toSeconds(),
                    orDash(step.idle.statementsPerSecond()),
                    orDash(step.idle.transactionControlPerSecond()),
                    step.idle.transactionsPerSecond(),
                    step.idle.rowsWrittenPerSecond(),
                    step.throughput,
                    step.executed,
                    step.backlog,
                    step.statementsPerRun.isPresent() ? orDash(step.statementsPerRun.getAsDouble()) : "—",
                    step.transactionsPerRun));
        }
        return out.toString();
    }

    private static String orDash(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
