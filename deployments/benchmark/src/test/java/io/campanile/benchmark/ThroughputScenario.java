package io.campanile.benchmark;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * A backlog of one-off no-op runs due now, created while the scheduler runs: how long creating them took, and
 * runs per second from the first to the last first processor call, with duplicates and misses.
 */
final class ThroughputScenario {

    private final BenchmarkSettings settings;

    ThroughputScenario(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Runs the backlog; adds the THROUGHPUT figures when {@code report}; returns the books. */
    Tally run(Subject subject, Results results, boolean report) {
        int count = settings.throughputRuns(subject.name());
        long start = System.nanoTime();
        List<String> keys = subject.createDueNow("tp", count);
        Duration creation = Duration.ofNanos(System.nanoTime() - start);
        Tally tally = Await.calls(subject, new HashSet<>(keys), settings.scenarioTimeout(), settings.quiet());
        if (report) {
            String name = subject.name();
            double createSeconds = creation.toNanos() / 1e9;
            results.add(figure(name, "runs", count, "runs", count));
            results.add(figure(name, "creation time", createSeconds, "s", count));
            results.add(figure(name, "creation rate", count / createSeconds, "runs/s", count));
            results.add(figure(name, "throughput", tally.throughputPerSecond(), "runs/s", tally.executed()));
            results.add(figure(name, "duplicates", tally.duplicates(), "calls", count));
            results.add(figure(name, "misses", tally.misses(), "runs", count));
        }
        return tally;
    }

    private static Figure figure(String scheduler, String metric, double value, String unit, long n) {
        return new Figure(Scenario.THROUGHPUT, scheduler, metric, value, unit, n);
    }
}
