package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a fire-lag scenario's books: runs (or fires), duplicates, misses, and processor start minus the
 * scheduled instant of each first call as p50, p95, p99, max and min (a call made early shows as a negative min).
 * {@link Scenario#FIRE_LAG} and the scheduled fire-lag scenarios report the same metrics under their own scenario.
 */
final class FireLagFigures {

    private FireLagFigures() {}

    static List<Figure> of(Scenario scenario, String scheduler, int expected, Tally tally) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(scenario, scheduler, "runs", expected, "runs", expected));
        figures.add(new Figure(scenario, scheduler, "duplicates", tally.duplicates(), "calls", expected));
        figures.add(new Figure(scenario, scheduler, "misses", tally.misses(), "runs", expected));
        List<Double> lags = lagsMillis(tally);
        if (lags.isEmpty()) {
            return figures; // nothing ran: the misses say so
        }
        Percentiles percentiles = new Percentiles(lags);
        figures.add(lag(scenario, scheduler, "lag p50", percentiles.at(50), lags.size()));
        figures.add(lag(scenario, scheduler, "lag p95", percentiles.at(95), lags.size()));
        figures.add(lag(scenario, scheduler, "lag p99", percentiles.at(99), lags.size()));
        figures.add(lag(scenario, scheduler, "lag max", percentiles.max(), lags.size()));
        figures.add(lag(scenario, scheduler, "lag min", percentiles.min(), lags.size()));
        return figures;
    }

    /** Each first call's lag in milliseconds, earliest call first. */
    static List<Double> lagsMillis(Tally tally) {
        return tally.firstCalls().stream()
                .map(execution -> execution.lag().toNanos() / 1e6)
                .toList();
    }

    private static Figure lag(Scenario scenario, String scheduler, String metric, double millis, long n) {
        return new Figure(scenario, scheduler, metric, millis, "ms", n);
    }
}
