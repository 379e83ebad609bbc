package io.campanile.benchmark;

/**
 * What the scheduled fire-lag scenarios add to {@code benchmark.firelag.runs} and {@code
 * benchmark.firelag.spreadSeconds} (their fires and window, the same as {@link Scenario#FIRE_LAG}'s runs): how many
 * FIXED_RATE jobs make the fires ({@code benchmark.firing.jobs}), and the topology of
 * {@link Scenario#CLUSTER_SCHEDULED_FIRE_LAG} ({@code benchmark.firing.clusterTopology}, servers x apps).
 */
record ScheduledFireSettings(int jobs, Topology clusterTopology) {

    ScheduledFireSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("benchmark.firing.jobs must be at least 1, not " + jobs);
        }
    }

    static ScheduledFireSettings fromSystemProperties() {
        return new ScheduledFireSettings(
                Integer.getInteger("benchmark.firing.jobs", 50),
                Topology.parse(System.getProperty("benchmark.firing.clusterTopology", "3x3")));
    }
}
