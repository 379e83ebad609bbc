package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark itself: in every {@code verify} a smoke with small counts (the module's POM), in
 * {@code run.sh} the full run (the {@code benchmark} profile). Either way it checks that the output is complete
 * and that the peers repeated no run; the smoke also fails on a run never called (the full run is bounded in time
 * and reports a scheduler too slow for the bound as misses). Campanile's duplicates and misses are reported,
 * and asserted only with {@code -Dbenchmark.assertCampanileExactlyOnce=true} (the smoke sets it), also over
 * FAILOVER's stream of runs; FAILOVER must fail over in every repetition, but its times are not asserted.
 */
class BenchmarkIT {

    private static final Map<Scenario, List<String>> REQUIRED_METRICS = Map.of(
            Scenario.THROUGHPUT, List.of("creation time", "throughput", "duplicates", "misses"),
            Scenario.FIRE_LAG, List.of("lag p50", "lag p95", "lag p99", "lag max", "duplicates", "misses"),
            Scenario.SCHEDULED_FIRE_LAG,
                    List.of("lag p50", "lag p95", "lag p99", "lag max", "duplicates", "misses", "off-lattice calls"),
            Scenario.CLUSTER_SCHEDULED_FIRE_LAG,
                    List.of("lag p50", "lag p99", "lag max", "duplicates", "misses", "off-lattice calls", "servers"),
            Scenario.DATABASE_COST, List.of("transactions per run", "rows written per run", "idle transactions"),
            Scenario.FOOTPRINT,
                    List.of(
                            "server resident memory, idle",
                            "server threads, peak under load",
                            "worker app resident memory, peak under load"),
            Scenario.IDLE_AT_SCALE, List.of("jobs defined", "idle transactions"),
            Scenario.SCALING, List.of(),
            Scenario.FAILOVER, List.of("runs", "duplicates", "misses"));

    /** The peers have no process of their own, no apps to scale, and no owner to fail over. */
    private static final Set<Scenario> CAMPANILE_ONLY = EnumSet.of(
            Scenario.FOOTPRINT,
            Scenario.IDLE_AT_SCALE,
            Scenario.SCALING,
            Scenario.FAILOVER,
            Scenario.SCHEDULED_FIRE_LAG,
            Scenario.CLUSTER_SCHEDULED_FIRE_LAG);

    /** Scenarios whose books (duplicates, misses) follow the exactly-once rules. */
    private static final Set<Scenario> COUNTED = EnumSet.of(
            Scenario.THROUGHPUT,
            Scenario.FIRE_LAG,
            Scenario.FAILOVER,
            Scenario.SCHEDULED_FIRE_LAG,
            Scenario.CLUSTER_SCHEDULED_FIRE_LAG);

    @Test
    void every_scheduler_gets_every_figure_and_the_peers_run_each_run_exactly_once() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Results results;
        boolean statementsCounted;
        try (BenchmarkPostgres postgres = BenchmarkPostgres.start()) {
            statementsCounted = postgres.isPrivate();
            results = new BenchmarkRun(settings).run();
        }

        Path dir = settings.outputDir();
        List<Figure> figures = results.figures();
        assertThat(Files.readAllLines(dir.resolve(ResultsWriter.RESULTS), StandardCharsets.UTF_8))
                .hasSize(figures.size());
        assertThat(dir.resolve(ResultsWriter.SUMMARY)).isNotEmptyFile();
        if (settings.runs(Scenario.FIRE_LAG)) {
            assertThat(dir.resolve(ResultsWriter.FIRE_LAG_PNG)).isNotEmptyFile();
        }
        if (settings.runs(Scenario.THROUGHPUT)) {
            assertThat(dir.resolve(ResultsWriter.THROUGHPUT_PNG)).isNotEmptyFile();
        }
        for (String scheduler : settings.schedulers()) {
            for (Scenario scenario : settings.scenarios()) {
                if (scenario == Scenario.CLUSTER_THROUGHPUT) {
                    continue; // its figures are named with their topology: clusterFigures
                }
                if (CAMPANILE_ONLY.contains(scenario) && !scheduler.equals(Summary.CAMPANILE)) {
                    continue; // the peers have no process of their own, and no apps
                }
                List<String> required = new ArrayList<>(REQUIRED_METRICS.get(scenario));
                if (statementsCounted && scenario == Scenario.DATABASE_COST) {
                    required.addAll(List.of("statements per run", "idle statements"));
                }
                if (statementsCounted && scenario == Scenario.IDLE_AT_SCALE) {
                    required.add("idle statements");
                }
                if (scenario == Scenario.SCALING) {
                    assertThat(figures)
                            .as("SCALING's throughput at each step")
                            .anyMatch(f -> f.scenario() == Scenario.SCALING
                                    && f.metric().startsWith("throughput at "));
                }
                for (String metric : required) {
                    assertThat(value(figures, scenario, scheduler, metric))
                            .as(scenario + " " + metric + " of " + scheduler)
                            .isNotNull();
                }
                boolean exactlyOnce = !scheduler.equals(Summary.CAMPANILE) || settings.assertCampanileExactlyOnce();
                if (COUNTED.contains(scenario) && exactlyOnce) {
                    assertThat(value(figures, scenario, scheduler, "duplicates"))
                            .as(scenario + " duplicates of " + scheduler)
                            .isZero();
                    if (REQUIRED_METRICS.get(scenario).contains("off-lattice calls")) {
                        assertThat(value(figures, scenario, scheduler, "off-lattice calls"))
                                .as(scenario + " calls at no fire time, " + scheduler)
                                .isZero();
                    }
                    if (settings.assertNoMisses()) {
                        assertThat(value(figures, scenario, scheduler, "misses"))
                                .as(scenario + " misses of " + scheduler)
                                .isZero();
                    }
                }
            }
        }
        if (settings.runs(Scenario.CLUSTER_THROUGHPUT)) {
            clusterFigures(settings, ClusterThroughputSettings.fromSystemProperties(), figures);
        }
        if (settings.runs(Scenario.FAILOVER) && settings.schedulers().contains(Summary.CAMPANILE)) {
            everyRepetitionFailedOver(FailoverSettings.fromSystemProperties(), figures);
            assertThat(dir.resolve(ResultsWriter.FAILOVER_PNG)).isNotEmptyFile();
        }
    }

    /**
     * CLUSTER_THROUGHPUT: Campanile's figures in every topology, with each app's throughput and owner; each
     * db-scheduler flavour's at every server count; none of Quartz's (left out). The same exactly-once rules as
     * THROUGHPUT.
     */
    private static void clusterFigures(
            BenchmarkSettings settings, ClusterThroughputSettings cluster, List<Figure> figures) {
        for (String scheduler : settings.schedulers()) {
            boolean campanile = scheduler.equals(Summary.CAMPANILE);
            List<String> labels = campanile
                    ? cluster.topologies().stream().map(Topology::label).toList()
                    : cluster.serverCounts().stream()
                            .map(Topology::serversLabel)
                            .toList();
            if (scheduler.equals("quartz")) {
                assertThat(figures)
                        .as("Quartz is left out of CLUSTER_THROUGHPUT")
                        .noneMatch(f -> f.scenario() == Scenario.CLUSTER_THROUGHPUT
                                && f.scheduler().equals("quartz"));
                continue;
            }
            for (String label : labels) {
                for (String what : List.of(ClusterFigures.RUNS, ClusterFigures.CREATION_TIME)) {
                    String metric = ClusterFigures.metric(what, label);
                    assertThat(value(figures, Scenario.CLUSTER_THROUGHPUT, scheduler, metric))
                            .as(metric + " of " + scheduler)
                            .isNotNull();
                }
                String throughput = ClusterFigures.metric(ClusterFigures.THROUGHPUT, label);
                assertThat(value(figures, Scenario.CLUSTER_THROUGHPUT, scheduler, throughput))
                        .as(throughput + " of " + scheduler)
                        .isPositive();
                Double duplicates = value(
                        figures,
                        Scenario.CLUSTER_THROUGHPUT,
                        scheduler,
                        ClusterFigures.metric(ClusterFigures.DUPLICATES, label));
                Double misses = value(
                        figures,
                        Scenario.CLUSTER_THROUGHPUT,
                        scheduler,
                        ClusterFigures.metric(ClusterFigures.MISSES, label));
                assertThat(duplicates)
                        .as("duplicates, " + label + " of " + scheduler)
                        .isNotNull();
                assertThat(misses).as("misses, " + label + " of " + scheduler).isNotNull();
                if (!campanile || settings.assertCampanileExactlyOnce()) {
                    assertThat(duplicates)
                            .as("duplicates, " + label + " of " + scheduler)
                            .isZero();
                    if (settings.assertNoMisses()) {
                        assertThat(misses)
                                .as("misses, " + label + " of " + scheduler)
                                .isZero();
                    }
                }
            }
            if (campanile) {
                for (Topology topology : cluster.topologies()) {
                    for (String app : topology.appNames()) {
                        for (String what : List.of(ClusterFigures.THROUGHPUT, ClusterFigures.OWNER)) {
                            String metric = ClusterFigures.ofApp(what, app, topology.label());
                            assertThat(value(figures, Scenario.CLUSTER_THROUGHPUT, scheduler, metric))
                                    .as(metric)
                                    .isNotNull();
                        }
                    }
                }
            }
        }
    }

    /**
     * Every repetition of every event found a new owner within the bound; the times themselves are the full run's
     * figures, not asserted (a busy machine would fail them).
     */
    private static void everyRepetitionFailedOver(FailoverSettings failover, List<Figure> figures) {
        for (FailoverEvent event : failover.events()) {
            String repetitions = FailoverFigures.metric(event, FailoverFigures.REPETITIONS);
            String failedOver = FailoverFigures.metric(event, FailoverFigures.FAILED_OVER);
            assertThat(value(figures, Scenario.FAILOVER, Summary.CAMPANILE, repetitions))
                    .as(repetitions)
                    .isEqualTo((double) failover.repetitions());
            assertThat(value(figures, Scenario.FAILOVER, Summary.CAMPANILE, failedOver))
                    .as(failedOver)
                    .isEqualTo((double) failover.repetitions());
            assertThat(value(
                            figures,
                            Scenario.FAILOVER,
                            Summary.CAMPANILE,
                            FailoverFigures.metric(event, FailoverFigures.MEDIAN)))
                    .as(event.label() + " median")
                    .isNotNull();
        }
    }

    private static Double value(List<Figure> figures, Scenario scenario, String scheduler, String metric) {
        return figures.stream()
                .filter(f -> f.scenario() == scenario
                        && f.scheduler().equals(scheduler)
                        && f.metric().equals(metric))
                .map(Figure::value)
                .findFirst()
                .orElse(null);
    }
}
