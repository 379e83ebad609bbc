package io.campanile.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The sizes of {@link Scenario#IDLE_AT_SCALE} and {@link Scenario#SCALING}, read from {@code benchmark.scale.*}
 * system properties (the module's POM passes the smoke's, the {@code benchmark} profile the full ones).
 *
 * @param idleApps apps defined for the idle cost at scale (besides the benchmark's own {@code bench} app)
 * @param idleJobsPerApp jobs of each of those apps
 * @param steps the defined jobs the scaling grows to, in order, each measured
 * @param jobsPerApp jobs of each app the scaling adds
 * @param backlogRuns the due runs of the throughput measured at each step (in the {@code bench} app)
 * @param creationBound the longest one step may spend creating jobs; a step cut short is measured at what it
 *     reached, and the steps after it are skipped
 * @param createThreads how many admin requests create apps and jobs at once
 */
record ScalingSettings(
        int idleApps,
        int idleJobsPerApp,
        List<Integer> steps,
        int jobsPerApp,
        int backlogRuns,
        Duration creationBound,
        int createThreads) {

    ScalingSettings {
        if (idleApps < 0 || idleJobsPerApp < 1 || jobsPerApp < 1 || backlogRuns < 2 || createThreads < 1) {
            throw new IllegalArgumentException("benchmark.scale.* sizes must be positive (backlog at least 2)");
        }
        steps = List.copyOf(steps);
    }

    static ScalingSettings fromSystemProperties() {
        return new ScalingSettings(
                Integer.getInteger("benchmark.scale.idleApps", 100),
                Integer.getInteger("benchmark.scale.idleJobsPerApp", 10),
                Arrays.stream(System.getProperty("benchmark.scale.jobs", "1000,10000,100000")
                                .split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(Integer::valueOf)
                        .toList(),
                Integer.getInteger("benchmark.scale.jobsPerApp", 100),
                Integer.getInteger("benchmark.scale.backlogRuns", 2000),
                Duration.ofSeconds(Long.getLong("benchmark.scale.creationBoundSeconds", 900)),
                Integer.getInteger("benchmark.scale.createThreads", 4));
    }

    int idleJobs() {
        return idleApps * idleJobsPerApp;
    }
}
