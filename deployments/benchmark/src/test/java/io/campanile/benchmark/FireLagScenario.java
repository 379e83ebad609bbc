package io.campanile.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Runs at fixed instants spread evenly over some seconds, created before the first is due: processor start
 * minus the instant the scheduler scheduled the run for, as p50/p95/p99/max (and min: a run called early would
 * show as a negative lag).
 */
final class FireLagScenario {

    private final BenchmarkSettings settings;

    FireLagScenario(BenchmarkSettings settings) {
        this.settings = settings;
    }

    void run(Subject subject, Results results) {
        int count = settings.fireLagRuns();
        // time to create every run before the first is due: Campanile takes ~3 ms a run through its API today
        Duration lead = Duration.ofMillis(3_000 + 5L * count);
        Instant first = Instant.now().plus(lead);
        long spreadNanos = settings.fireLagSpread().toNanos();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instants.add(first.plusNanos(spreadNanos * i / count));
        }
        List<String> keys = subject.createAt("fl", instants);
        Duration timeout = lead.plus(settings.fireLagSpread()).plus(settings.scenarioTimeout());
        Tally tally = Await.calls(subject, new HashSet<>(keys), timeout, settings.quiet());

        String name = subject.name();
        results.add(figure(name, "runs", count, "runs", count));
        results.add(figure(name, "duplicates", tally.duplicates(), "calls", count));
        results.add(figure(name, "misses", tally.misses(), "runs", count));
        List<Double> lags = tally.firstCalls().stream()
                .map(execution -> execution.lag().toNanos() / 1e6)
                .toList();
        if (lags.isEmpty()) {
            return; // nothing ran: the misses say so
        }
        Percentiles percentiles = new Percentiles(lags);
        results.add(figure(name, "lag p50", percentiles.at(50), "ms", lags.size()));
        results.add(figure(name, "lag p95", percentiles.at(95), "ms", lags.size()));
        results.add(figure(name, "lag p99", percentiles.at(99), "ms", lags.size()));
        results.add(figure(name, "lag max", percentiles.max(), "ms", lags.size()));
        results.add(figure(name, "lag min", percentiles.min(), "ms", lags.size()));
        results.fireLags(name, lags);
    }

    private static Figure figure(String scheduler, String metric, double value, String unit, long n) {
        return new Figure(Scenario.FIRE_LAG, scheduler, metric, value, unit, n);
    }
}
