package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The summary's CLUSTER_THROUGHPUT section: a row per topology with Campanile's throughput, each peer's with as
 * many instances as the topology has servers, and the ratio Campanile/peer; then each app's throughput and owner,
 * and the books (runs, creation, duplicates, misses) of every cluster.
 */
final class ClusterThroughputSummary {

    private static final String THROUGHPUT_PREFIX = ClusterFigures.metric(ClusterFigures.THROUGHPUT, "");
    private static final String RUNS_PREFIX = ClusterFigures.metric(ClusterFigures.RUNS, "");

    private ClusterThroughputSummary() {}

    static String markdown(List<Figure> figures) {
        List<String> peers = figures.stream()
                .map(Figure::scheduler)
                .filter(s -> !s.equals(Summary.CAMPANILE))
                .distinct()
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("Runs per second from the first to the last first call of the backlog, across all apps. Campanile:")
                .append(" the servers x apps of the row, each app with a worker process of its own; a peer: as many")
                .append(" instances as the row has servers, on one table (a peer has no apps).\n\n");
        List<String> header = new ArrayList<>(List.of("topology", Summary.CAMPANILE));
        header.addAll(peers);
        peers.forEach(peer -> header.add(Summary.CAMPANILE + "/" + peer));
        out.append(Summary.row(header));
        out.append(Summary.row(header.stream().map(h -> "---").toList()));
        List<Topology> topologies = campanileTopologies(figures);
        for (Topology topology : topologies) {
            Optional<Figure> campanile = find(figures, Summary.CAMPANILE, throughput(topology.label()));
            List<String> cells = new ArrayList<>(List.of(topology.label(), value(campanile)));
            String peerMetric = throughput(Topology.serversLabel(topology.servers()));
            peers.forEach(peer -> cells.add(value(find(figures, peer, peerMetric))));
            peers.forEach(peer -> cells.add(Summary.ratio(campanile, find(figures, peer, peerMetric))));
            out.append(Summary.row(cells));
        }
        for (String label : peerOnlyLabels(figures, topologies)) {
            List<String> cells = new ArrayList<>(List.of(label, "—"));
            peers.forEach(peer -> cells.add(value(find(figures, peer, throughput(label)))));
            peers.forEach(peer -> cells.add("—"));
            out.append(Summary.row(cells));
        }
        if (!topologies.isEmpty()) {
            out.append(
                    "\nCampanile's apps, each app's throughput (runs/s) and the server that owned it after the drain:\n\n");
            topologies.forEach(topology -> out.append("- ")
                    .append(topology.label())
                    .append(": ")
                    .append(apps(figures, topology))
                    .append('\n'));
        }
        out.append(
                        "\n| scheduler | cluster | runs | creation time (s) | creation rate (runs/s) | duplicates | misses |\n")
                .append("|---|---|---|---|---|---|---|\n");
        figures.stream().filter(f -> f.metric().startsWith(RUNS_PREFIX)).forEach(runs -> {
            String label = runs.metric().substring(RUNS_PREFIX.length());
            List<String> cells = new ArrayList<>(List.of(runs.scheduler(), label, runs.formattedValue()));
            for (String what : List.of(
                    ClusterFigures.CREATION_TIME,
                    ClusterFigures.CREATION_RATE,
                    ClusterFigures.DUPLICATES,
                    ClusterFigures.MISSES)) {
                cells.add(value(find(figures, runs.scheduler(), ClusterFigures.metric(what, label))));
            }
            out.append(Summary.row(cells));
        });
        return out.toString();
    }

    /** Campanile's topologies, in the order measured. */
    private static List<Topology> campanileTopologies(List<Figure> figures) {
        Set<Topology> topologies = new LinkedHashSet<>();
        figures.stream()
                .filter(f ->
                        f.scheduler().equals(Summary.CAMPANILE) && f.metric().startsWith(THROUGHPUT_PREFIX))
                .map(f -> Topology.ofLabel(f.metric().substring(THROUGHPUT_PREFIX.length())))
                .flatMap(Optional::stream)
                .forEach(topologies::add);
        return List.copyOf(topologies);
    }

    /** The peers' cluster sizes that no Campanile topology has (a run of the peers alone, say). */
    private static List<String> peerOnlyLabels(List<Figure> figures, List<Topology> topologies) {
        Set<String> covered = new LinkedHashSet<>();
        topologies.forEach(t -> covered.add(Topology.serversLabel(t.servers())));
        Set<String> labels = new LinkedHashSet<>();
        figures.stream()
                .filter(f ->
                        !f.scheduler().equals(Summary.CAMPANILE) && f.metric().startsWith(THROUGHPUT_PREFIX))
                .map(f -> f.metric().substring(THROUGHPUT_PREFIX.length()))
                .filter(label -> !covered.contains(label))
                .forEach(labels::add);
        return List.copyOf(labels);
    }

    /** {@code bench-1 1520.5 (server-1), bench-2 ...}, in the apps' order. */
    private static String apps(List<Figure> figures, Topology topology) {
        List<String> apps = new ArrayList<>();
        for (String app : topology.appNames()) {
            Optional<Figure> rate = find(
                    figures, Summary.CAMPANILE, ClusterFigures.ofApp(ClusterFigures.THROUGHPUT, app, topology.label()));
            Optional<Figure> owner =
                    find(figures, Summary.CAMPANILE, ClusterFigures.ofApp(ClusterFigures.OWNER, app, topology.label()));
            apps.add(app + " " + value(rate) + " ("
                    + owner.map(f -> ClusterFigures.serverName((int) f.value())).orElse("no owner") + ")");
        }
        return String.join(", ", apps);
    }

    private static String throughput(String label) {
        return ClusterFigures.metric(ClusterFigures.THROUGHPUT, label);
    }

    private static String value(Optional<Figure> figure) {
        return figure.map(Figure::formattedValue).orElse("—");
    }

    private static Optional<Figure> find(List<Figure> figures, String scheduler, String metric) {
        return figures.stream()
                .filter(f -> f.scheduler().equals(scheduler) && f.metric().equals(metric))
                .findFirst();
    }
}
