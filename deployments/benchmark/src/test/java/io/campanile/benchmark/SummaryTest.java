package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void one_table_per_scenario_with_campanile_first_and_its_ratio_to_each_peer() {
        List<Figure> figures = List.of(
                new Figure(Scenario.THROUGHPUT, "db-scheduler", "throughput", 5000, "runs/s", 20000),
                new Figure(Scenario.THROUGHPUT, "campanile", "throughput", 100, "runs/s", 5000),
                new Figure(Scenario.THROUGHPUT, "quartz", "throughput", 125, "runs/s", 20000),
                new Figure(Scenario.FIRE_LAG, "quartz", "lag p99", 6, "ms", 1000));

        String markdown = Summary.markdown("Run", List.of("a note"), figures);

        assertThat(markdown)
                .contains("- a note\n")
                .contains("## THROUGHPUT\n\n| metric | unit | campanile | db-scheduler | quartz |"
                        + " campanile/db-scheduler | campanile/quartz |\n")
                .contains("| throughput | runs/s | 100 | 5000 | 125 | 0.02× | 0.80× |\n")
                .contains("## FIRE_LAG\n\n| metric | unit | quartz |\n")
                .contains("| lag p99 | ms | 6 |\n")
                .doesNotContain("DATABASE_COST");
    }

    @Test
    void a_missing_figure_or_a_zero_peer_shows_a_dash() {
        List<Figure> figures = List.of(
                new Figure(Scenario.THROUGHPUT, "campanile", "duplicates", 7, "calls", 5000),
                new Figure(Scenario.THROUGHPUT, "quartz", "duplicates", 0, "calls", 20000),
                new Figure(Scenario.THROUGHPUT, "quartz", "misses", 0, "runs", 20000));

        assertThat(Summary.markdown("Run", List.of(), figures))
                .contains("| duplicates | calls | 7 | 0 | — |\n")
                .contains("| misses | runs | — | 0 | — |\n");
    }
}
