package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterThroughputSummaryTest {

    @Test
    void a_row_per_topology_with_each_peer_at_as_many_instances_as_servers_and_the_ratio() {
        List<Figure> figures = List.of(
                figure("campanile", "throughput, 1 server x 3 apps", 1000, "runs/s"),
                figure("campanile", "throughput, 2 servers x 3 apps", 1500, "runs/s"),
                figure("campanile", "throughput of bench-1, 2 servers x 3 apps", 600, "runs/s"),
                figure("campanile", "owner of bench-1, 2 servers x 3 apps", 2, "server"),
                figure("campanile", "runs, 2 servers x 3 apps", 200, "runs"),
                figure("campanile", "duplicates, 2 servers x 3 apps", 0, "calls"),
                figure("db-scheduler", "throughput, 1 server", 4000, "runs/s"),
                figure("db-scheduler", "throughput, 2 servers", 3000, "runs/s"),
                figure("db-scheduler", "runs, 2 servers", 200, "runs"),
                figure("db-scheduler", "misses, 2 servers", 0, "runs"));

        String markdown = Summary.markdown("Run", List.of(), figures);

        assertThat(markdown)
                .contains("## CLUSTER_THROUGHPUT\n\n")
                .contains("| topology | campanile | db-scheduler | campanile/db-scheduler |\n")
                .contains("| 1 server x 3 apps | 1000 | 4000 | 0.25× |\n")
                .contains("| 2 servers x 3 apps | 1500 | 3000 | 0.50× |\n")
                .contains("- 2 servers x 3 apps: bench-1 600 (server-2), bench-2 — (no owner), bench-3 — (no owner)\n")
                .contains("| campanile | 2 servers x 3 apps | 200 | — | — | 0 | — |\n")
                .contains("| db-scheduler | 2 servers | 200 | — | — | — | 0 |\n");
    }

    @Test
    void a_peer_alone_gets_rows_of_its_own_sizes() {
        List<Figure> figures = List.of(figure("db-scheduler", "throughput, 3 servers", 3000, "runs/s"));

        assertThat(ClusterThroughputSummary.markdown(figures))
                .contains("| 3 servers | — | 3000 | — |\n")
                .doesNotContain("Campanile's apps");
    }

    private static Figure figure(String scheduler, String metric, double value, String unit) {
        return new Figure(Scenario.CLUSTER_THROUGHPUT, scheduler, metric, value, unit, 200);
    }
}
