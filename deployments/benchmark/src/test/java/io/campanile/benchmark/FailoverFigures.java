package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The failover benchmark's figures, all of Campanile: for each event, how many repetitions ran and how many
 * failed over, the median and the max of the time from the event to the first call under the new owner, and
 * each repetition's time; and the books of every run of the stream (runs, duplicates, misses).
 */
final class FailoverFigures {

    static final String REPETITIONS = "repetitions";
    static final String FAILED_OVER = "failed over";
    static final String MEDIAN = "median";
    static final String MAX = "max";
    static final String REPETITION = "repetition";

    private FailoverFigures() {}

    /** The name of one of {@code event}'s figures: {@code kill -9: median}. */
    static String metric(FailoverEvent event, String what) {
        return event.label() + ": " + what;
    }

    static List<Figure> of(List<FailoverRepetition> repetitions, Tally books) {
        List<Figure> figures = new ArrayList<>();
        for (FailoverEvent event : FailoverEvent.values()) {
            List<FailoverRepetition> ofEvent =
                    repetitions.stream().filter(r -> r.event() == event).toList();
            if (ofEvent.isEmpty()) {
                continue;
            }
            List<Double> times = ofEvent.stream()
                    .map(FailoverRepetition::millis)
                    .flatMap(Optional::stream)
                    .toList();
            figures.add(figure(metric(event, REPETITIONS), ofEvent.size(), REPETITIONS, ofEvent.size()));
            figures.add(figure(metric(event, FAILED_OVER), times.size(), REPETITIONS, ofEvent.size()));
            if (!times.isEmpty()) {
                figures.add(figure(metric(event, MEDIAN), median(times), "ms", times.size()));
                figures.add(figure(metric(event, MAX), new Percentiles(times).max(), "ms", times.size()));
            }
            for (FailoverRepetition repetition : ofEvent) {
                repetition
                        .millis()
                        .ifPresent(ms -> figures.add(
                                figure(metric(event, REPETITION + " " + repetition.number()), ms, "ms", 1)));
            }
        }
        figures.add(figure("runs", books.expected(), "runs", books.expected()));
        figures.add(figure("duplicates", books.duplicates(), "calls", books.expected()));
        figures.add(figure("misses", books.misses(), "runs", books.expected()));
        return figures;
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Figure figure(String metric, double value, String unit, long n) {
        return new Figure(Scenario.FAILOVER, Summary.CAMPANILE, metric, value, unit, n);
    }
}
