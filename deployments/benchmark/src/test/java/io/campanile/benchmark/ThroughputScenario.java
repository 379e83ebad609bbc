package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A backlog of one-off no-op runs due now, created while the scheduler runs: how long creating them took, and
 * runs per second from the first to the last first processor call, with duplicates and misses. The backlog is
 * drained {@code benchmark.throughput.repetitions} times in a row and the median reported with the lowest and the
 * highest, since one drain of a few seconds moves by a fifth from start to start on a shared 2-core machine.
 */
final class ThroughputScenario {

    private static final int REPETITIONS = Integer.getInteger("benchmark.throughput.repetitions", 1);

    private final BenchmarkSettings settings;

    ThroughputScenario(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Runs the backlogs; adds the THROUGHPUT figures when {@code report}; returns each backlog's books. */
    List<Tally> run(Subject subject, Results results, boolean report) {
        int count = settings.throughputRuns(subject.name());
        List<Tally> tallies = new ArrayList<>();
        List<Double> createSeconds = new ArrayList<>();
        for (int repetition = 1; repetition <= Math.max(1, REPETITIONS); repetition++) {
            long start = System.nanoTime();
            List<String> keys = subject.createDueNow("tp" + repetition + "-", count);
            createSeconds.add((System.nanoTime() - start) / 1e9);
            tallies.add(Await.calls(subject, new HashSet<>(keys), settings.scenarioTimeout(), settings.quiet()));
        }
        if (report) {
            String name = subject.name();
            List<Double> rates =
                    tallies.stream().map(Tally::throughputPerSecond).toList();
            Tally all = Tally.combined(tallies);
            double creation = median(createSeconds);
            results.add(figure(name, "runs", count, "runs", count));
            results.add(figure(name, "creation time", creation, "s", count));
            results.add(figure(name, "creation rate", count / creation, "runs/s", count));
            results.add(figure(name, "throughput", median(rates), "runs/s", all.executed()));
            if (rates.size() > 1) {
                results.add(figure(name, "throughput, lowest", Collections.min(rates), "runs/s", all.executed()));
                results.add(figure(name, "throughput, highest", Collections.max(rates), "runs/s", all.executed()));
                results.note(String.format(
                        Locale.ROOT,
                        "%s THROUGHPUT: %d backlogs of %,d runs in a row, drained at %s runs/s; the median is reported.",
                        name,
                        rates.size(),
                        count,
                        rates.stream()
                                .map(r -> String.format(Locale.ROOT, "%,.0f", r))
                                .toList()));
            }
            results.add(figure(name, "duplicates", all.duplicates(), "calls", all.expected()));
            results.add(figure(name, "misses", all.misses(), "runs", all.expected()));
        }
        return tallies;
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Figure figure(String scheduler, String metric, double value, String unit, long n) {
        return new Figure(Scenario.THROUGHPUT, scheduler, metric, value, unit, n);
    }
}
