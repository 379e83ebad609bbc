package io.campanile.benchmark;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Scenario#CLUSTER_THROUGHPUT}: a backlog of {@code benchmark.throughput.runs} one-off no-op runs due now,
 * created while the cluster runs, drained by Campanile in one {@link Topology} (split evenly over its apps) or by
 * a peer's cluster of as many instances as the topology has servers. Throughput is counted from the first to the
 * last first call across all apps; Campanile's figures add each app's own throughput and owner.
 */
final class ClusterThroughputScenario {

    private final BenchmarkSettings settings;

    ClusterThroughputScenario(BenchmarkSettings settings) {
        this.settings = settings;
    }

    void run(CampanileClusterSubject cluster, Results results) {
        String label = cluster.topology().label();
        int count = settings.throughputRuns();
        Map<String, Integer> ownersBefore = cluster.owners();
        long start = System.nanoTime();
        Map<String, List<String>> keysByApp = cluster.createDueNowByApp(count);
        Duration creation = Duration.ofNanos(System.nanoTime() - start);
        Set<String> keys = new HashSet<>();
        keysByApp.values().forEach(keys::addAll);
        Tally tally = Await.calls(cluster, keys, settings.scenarioTimeout(), settings.quiet());
        Map<String, Integer> owners = cluster.owners();
        Map<String, Tally> perApp = new LinkedHashMap<>();
        keysByApp.forEach((app, ofApp) -> perApp.put(app, cluster.tally(app, ofApp)));

        ClusterFigures.books(Summary.CAMPANILE, label, count, creation, tally).forEach(results::add);
        ClusterFigures.apps(label, perApp, owners).forEach(results::add);
        if (!owners.equals(ownersBefore)) {
            results.note("CLUSTER_THROUGHPUT, " + label + ": the apps' owners changed during the backlog, from "
                    + ownersBefore + " to " + owners + " (app to server number).");
        }
        System.out.println("CLUSTER_THROUGHPUT " + cluster.label() + ": " + Math.round(tally.throughputPerSecond())
                + " runs/s, owners " + owners);
    }

    /** A peer's cluster drains the same backlog; its figures are named with its instance count only. */
    void run(Subject peer, int servers, Results results) {
        int count = settings.throughputRuns();
        long start = System.nanoTime();
        List<String> keys = peer.createDueNow("ctp", count);
        Duration creation = Duration.ofNanos(System.nanoTime() - start);
        Tally tally = Await.calls(peer, new HashSet<>(keys), settings.scenarioTimeout(), settings.quiet());
        ClusterFigures.books(peer.name(), Topology.serversLabel(servers), count, creation, tally)
                .forEach(results::add);
        System.out.println(
                "CLUSTER_THROUGHPUT " + peer.label() + ": " + Math.round(tally.throughputPerSecond()) + " runs/s");
    }
}
