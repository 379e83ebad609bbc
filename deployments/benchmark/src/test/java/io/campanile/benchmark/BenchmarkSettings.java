package io.campanile.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, read from {@code benchmark.*} system properties (the module's POM passes the
 * smoke's sizes, the {@code benchmark} profile the full ones; {@code -D} on the command line wins).
 *
 * @param schedulers which schedulers run, in order: {@code campanile}, {@code quartz}, {@code db-scheduler},
 *     {@code db-scheduler-lock-and-fetch}
 * @param throughputRuns the backlog the peers drain
 * @param campanileThroughputRuns the backlog Campanile drains (smaller while it is slow)
 * @param fireLagRuns runs at fixed instants, spread evenly over {@code fireLagSpread}
 * @param campanileCapacity the worker's {@code campanile.worker.capacity}
 * @param scenarioTimeout the longest a scenario waits for its runs to be called
 * @param quiet how long no new call must come before a scenario's books are closed (late repeats show up)
 * @param statsSettle how long to wait before reading {@code pg_stat_database}: an idle PostgreSQL backend
 *     reports its counters up to 10 s late
 * @param idle how long the idle cost is measured
 * @param assertCampanileExactlyOnce whether the smoke fails on Campanile's duplicates and misses too
 * @param assertNoMisses whether a run not called within the time bound fails the run (the smoke); the full run
 *     reports a scheduler too slow for its bound instead of failing
 * @param command how the run was started, for the summary
 */
public record BenchmarkSettings(
        Set<Scenario> scenarios,
        List<String> schedulers,
        int throughputRuns,
        int campanileThroughputRuns,
        int fireLagRuns,
        Duration fireLagSpread,
        int campanileCapacity,
        Duration scenarioTimeout,
        Duration quiet,
        Duration statsSettle,
        Duration idle,
        boolean assertCampanileExactlyOnce,
        boolean assertNoMisses,
        Path outputDir,
        String command) {

    public static final List<String> ALL_SCHEDULERS =
            List.of("campanile", "quartz", "db-scheduler", "db-scheduler-lock-and-fetch");

    public BenchmarkSettings {
        for (String scheduler : schedulers) {
            if (!ALL_SCHEDULERS.contains(scheduler)) {
                throw new IllegalArgumentException("unknown scheduler " + scheduler + "; known: " + ALL_SCHEDULERS);
            }
        }
    }

    public static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                scenarios(System.getProperty(
                        "benchmark.scenarios",
                        "THROUGHPUT,FIRE_LAG,SCHEDULED_FIRE_LAG,DATABASE_COST,FOOTPRINT,FAILOVER,CLUSTER_THROUGHPUT,"
                                + "CLUSTER_SCHEDULED_FIRE_LAG")),
                list(System.getProperty("benchmark.schedulers", String.join(",", ALL_SCHEDULERS))),
                Integer.getInteger("benchmark.throughput.runs", 200),
                Integer.getInteger("benchmark.campanile.throughput.runs", 100),
                Integer.getInteger("benchmark.firelag.runs", 40),
                seconds("benchmark.firelag.spreadSeconds", 4),
                Integer.getInteger("benchmark.campanile.capacity", 8),
                seconds("benchmark.scenarioTimeoutSeconds", 90),
                seconds("benchmark.quietSeconds", 2),
                seconds("benchmark.statsSettleSeconds", 2),
                seconds("benchmark.idleSeconds", 3),
                Boolean.getBoolean("benchmark.assertCampanileExactlyOnce"),
                Boolean.parseBoolean(System.getProperty("benchmark.assertNoMisses", "true")),
                Path.of(System.getProperty("benchmark.outputDir", "target/benchmark"))
                        .toAbsolutePath(),
                System.getProperty("benchmark.command", "mvn verify (the smoke)"));
    }

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** Campanile's backlog is its own size; the peers all drain the same one. */
    public int throughputRuns(String scheduler) {
        return scheduler.equals(Summary.CAMPANILE) ? campanileThroughputRuns : throughputRuns;
    }

    private static Set<Scenario> scenarios(String text) {
        return list(text).stream()
                .map(name -> Scenario.valueOf(name.toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Duration seconds(String property, long defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
    }
}
