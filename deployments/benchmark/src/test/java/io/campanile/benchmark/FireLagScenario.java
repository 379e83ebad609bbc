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

        FireLagFigures.of(Scenario.FIRE_LAG, subject.name(), count, tally).forEach(results::add);
        List<Double> lags = FireLagFigures.lagsMillis(tally);
        if (!lags.isEmpty()) {
            results.fireLags(subject.name(), lags);
        }
    }
}
