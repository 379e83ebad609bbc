package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterFiguresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void figures_are_named_with_their_topology() {
        assertThat(ClusterFigures.metric(ClusterFigures.THROUGHPUT, new Topology(2, 3).label()))
                .isEqualTo("throughput, 2 servers x 3 apps");
        assertThat(ClusterFigures.ofApp(ClusterFigures.OWNER, "bench-2", new Topology(2, 3).label()))
                .isEqualTo("owner of bench-2, 2 servers x 3 apps");
        assertThat(ClusterFigures.metric(ClusterFigures.THROUGHPUT, Topology.serversLabel(2)))
                .isEqualTo("throughput, 2 servers");
    }

    @Test
    void the_books_of_a_backlog_count_throughput_duplicates_and_misses() {
        // four runs created, three ran within 2 s (one of them twice), one never
        Tally tally = Tally.of(
                Set.of("a", "b", "c", "d"), List.of(call("a", 0), call("b", 1000), call("b", 1500), call("c", 2000)));

        List<Figure> figures = ClusterFigures.books("db-scheduler", "2 servers", 4, Duration.ofMillis(500), tally);

        assertThat(figures)
                .allMatch(f -> f.scenario() == Scenario.CLUSTER_THROUGHPUT
                        && f.scheduler().equals("db-scheduler")
                        && f.metric().endsWith(", 2 servers"));
        assertThat(value(figures, "throughput, 2 servers")).isEqualTo(1.0);
        assertThat(value(figures, "duplicates, 2 servers")).isEqualTo(1.0);
        assertThat(value(figures, "misses, 2 servers")).isEqualTo(1.0);
        assertThat(value(figures, "creation rate, 2 servers")).isEqualTo(8.0);
        assertThat(value(figures, "runs, 2 servers")).isEqualTo(4.0);
    }

    @Test
    void each_app_has_its_throughput_and_the_number_of_its_owner() {
        Tally one = Tally.of(Set.of("1", "2", "3"), List.of(call("1", 0), call("2", 500), call("3", 1000)));
        Tally two = Tally.of(Set.of("4", "5"), List.of(call("4", 0), call("5", 250)));

        List<Figure> figures =
                ClusterFigures.apps("2 servers x 2 apps", Map.of("bench-1", one, "bench-2", two), Map.of("bench-1", 2));

        assertThat(value(figures, "throughput of bench-1, 2 servers x 2 apps")).isEqualTo(2.0);
        assertThat(value(figures, "throughput of bench-2, 2 servers x 2 apps")).isEqualTo(4.0);
        assertThat(value(figures, "owner of bench-1, 2 servers x 2 apps")).isEqualTo(2.0);
        assertThat(figures).noneMatch(f -> f.metric().equals("owner of bench-2, 2 servers x 2 apps"));
    }

    static Execution call(String key, long millis) {
        return new Execution(key, 1, T0, T0.plusMillis(millis));
    }

    private static Double value(List<Figure> figures, String metric) {
        return figures.stream()
                .filter(f -> f.metric().equals(metric))
                .map(Figure::value)
                .findFirst()
                .orElse(null);
    }
}
