package io.campanile.benchmark;

import java.util.List;

/**
 * The topologies {@link Scenario#CLUSTER_THROUGHPUT} measures, read from {@code benchmark.cluster.topologies}
 * ({@code 2x3,3x3}: servers x apps; the module's POM passes the smoke's, the {@code benchmark} profile the full
 * ones). Its backlog is {@code benchmark.throughput.runs}, the same as the peers' in {@code THROUGHPUT}.
 */
record ClusterThroughputSettings(List<Topology> topologies) {

    ClusterThroughputSettings {
        topologies = List.copyOf(topologies);
    }

    static ClusterThroughputSettings fromSystemProperties() {
        return new ClusterThroughputSettings(
                Topology.parseList(System.getProperty("benchmark.cluster.topologies", "2x2")));
    }

    /**
     * The peers' cluster sizes: each topology's server count once, in order. A peer has no apps, so
     * {@code 2x2} and {@code 2x3} are one and the same db-scheduler cluster of two instances.
     */
    List<Integer> serverCounts() {
        return topologies.stream().map(Topology::servers).distinct().toList();
    }
}
