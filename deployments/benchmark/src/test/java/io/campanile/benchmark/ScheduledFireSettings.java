package io.campanile.benchmark;

/**
 * What the scheduled fire-lag scenarios add to {@code benchmark.firelag.runs} and {@code
 * benchmark.firelag.spreadSeconds} (their fires and window, the same as {@link Scenario#FIRE_LAG}'s runs): how many
 * FIXED_RATE jobs make the fires ({@code benchmark.firing.jobs}), the topology of
 * {@link Scenario#CLUSTER_SCHEDULED_FIRE_LAG} ({@code benchmark.firing.clusterTopology}, servers x apps), and how
 * many unmeasured rounds of the same fires run first ({@code benchmark.firing.warmUpRounds}): the subject's warm-up
 * drains API runs only, so without them the measured fires were the first the JIT saw of the firing path. After
 * those, more rounds run while the JIT is still compiling ({@code benchmark.firing.maxWarmUpRounds} in all at most,
 * while some process's compiler threads took more than {@code benchmark.firing.jitQuietSeconds} in the last round):
 * a server that has run for days has compiled its firing path, and the measured round should see that one.
 */
record ScheduledFireSettings(
        int jobs, Topology clusterTopology, int warmUpRounds, int maxWarmUpRounds, double jitQuietSeconds) {

    ScheduledFireSettings {
        maxWarmUpRounds = Math.max(warmUpRounds, maxWarmUpRounds);
        if (jobs < 1) {
            throw new IllegalArgumentException("benchmark.firing.jobs must be at least 1, not " + jobs);
        }
        if (warmUpRounds < 0) {
            throw new IllegalArgumentException("benchmark.firing.warmUpRounds must be at least 0, not " + warmUpRounds);
        }
    }

    static ScheduledFireSettings fromSystemProperties() {
        return new ScheduledFireSettings(
                Integer.getInteger("benchmark.firing.jobs", 50),
                Topology.parse(System.getProperty("benchmark.firing.clusterTopology", "3x3")),
                Integer.getInteger("benchmark.firing.warmUpRounds", 1),
                Integer.getInteger("benchmark.firing.maxWarmUpRounds", 0),
                Double.parseDouble(System.getProperty("benchmark.firing.jitQuietSeconds", "1.0")));
    }

    /**
     * Whether another warm-up round runs after {@code done} rounds, the last of which kept some process's compiler
     * threads busy for {@code lastJitSeconds}: always up to {@link #warmUpRounds}, then while the JIT is still busy
     * (more than {@link #jitQuietSeconds}), up to {@link #maxWarmUpRounds}.
     */
    boolean warmsUpAgain(int done, double lastJitSeconds) {
        return done < warmUpRounds || (done < maxWarmUpRounds && lastJitSeconds > jitQuietSeconds);
    }
}
