package io.campanile.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@link Scenario#CLUSTER_THROUGHPUT}, named with their topology: Campanile's {@code throughput,
 * 2 servers x 3 apps}, each app's {@code throughput of bench-1, 2 servers x 3 apps} and {@code owner of bench-1,
 * 2 servers x 3 apps} (the number of the server that owned it after the drain), and a peer's {@code throughput,
 * 2 servers}: a peer has instances but no apps.
 */
final class ClusterFigures {

    static final String RUNS = "runs";
    static final String CREATION_TIME = "creation time";
    static final String CREATION_RATE = "creation rate";
    static final String THROUGHPUT = "throughput";
    static final String DUPLICATES = "duplicates";
    static final String MISSES = "misses";
    static final String OWNER = "owner";

    private ClusterFigures() {}

    /** {@code throughput, 2 servers x 3 apps}: {@code what} of the cluster labelled {@code label}. */
    static String metric(String what, String label) {
        return what + ", " + label;
    }

    /** {@code throughput of bench-1, 2 servers x 3 apps}: {@code what} of one app of the cluster. */
    static String ofApp(String what, String app, String label) {
        return metric(what + " of " + app, label);
    }

    /** The name of a server in the summary: {@code server-2} for the owner figure's value 2. */
    static String serverName(int number) {
        return "server-" + number;
    }

    /** The whole backlog's figures: its size, how long creating it took, throughput, duplicates and misses. */
    static List<Figure> books(String scheduler, String label, int runs, Duration creation, Tally tally) {
        double createSeconds = Math.max(creation.toNanos(), 1) / 1e9;
        List<Figure> figures = new ArrayList<>();
        figures.add(figure(scheduler, metric(RUNS, label), runs, "runs", runs));
        figures.add(figure(scheduler, metric(CREATION_TIME, label), createSeconds, "s", runs));
        figures.add(figure(scheduler, metric(CREATION_RATE, label), runs / createSeconds, "runs/s", runs));
        figures.add(
                figure(scheduler, metric(THROUGHPUT, label), tally.throughputPerSecond(), "runs/s", tally.executed()));
        figures.add(figure(scheduler, metric(DUPLICATES, label), tally.duplicates(), "calls", runs));
        figures.add(figure(scheduler, metric(MISSES, label), tally.misses(), "runs", runs));
        return figures;
    }

    /**
     * Each of Campanile's apps: its throughput (from its own first to its own last first call) and the server that
     * owned it ({@code owners}: app to server number; an app without an owner has no owner figure).
     */
    static List<Figure> apps(String label, Map<String, Tally> tallies, Map<String, Integer> owners) {
        List<Figure> figures = new ArrayList<>();
        tallies.forEach((app, tally) -> {
            figures.add(figure(
                    Summary.CAMPANILE,
                    ofApp(THROUGHPUT, app, label),
                    tally.throughputPerSecond(),
                    "runs/s",
                    tally.executed()));
            if (owners.containsKey(app)) {
                figures.add(figure(Summary.CAMPANILE, ofApp(OWNER, app, label), owners.get(app), "server", 1));
            }
        });
        return figures;
    }

    private static Figure figure(String scheduler, String metric, double value, String unit, long n) {
        return new Figure(Scenario.CLUSTER_THROUGHPUT, scheduler, metric, value, unit, n);
    }
}
