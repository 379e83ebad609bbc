package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.benchmark.DatabaseStats.Counters;
import io.campanile.benchmark.DatabaseStats.StatementCalls;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TopStatementsTest {

    @Test
    void calls_per_unit_with_pipes_and_backticks_escaped() {
        String table = TopStatements.table(
                List.of(
                        new StatementCalls("UPDATE instance SET state = $1 WHERE id = $2", 400),
                        new StatementCalls("SELECT a || b FROM `x`", 100)),
                200,
                "per run");

        assertThat(table)
                .startsWith("| calls per run | calls | statement (shortened) |\n|---|---|---|\n")
                .contains("| 2.00 | 400 | `UPDATE instance SET state = $1 WHERE id = $2` |\n")
                .contains("| 0.50 | 100 | `SELECT a \\|\\| b FROM 'x'` |\n");
    }

    @Test
    void without_pg_stat_statements_it_says_so() {
        assertThat(TopStatements.table(List.of(), 1, "per run")).contains("not loaded");
    }

    @Test
    void statement_deltas_are_empty_unless_both_readings_counted_them() {
        Counters before = new Counters(10, 1, OptionalLong.of(5), OptionalLong.of(2));
        Counters after = new Counters(30, 4, OptionalLong.of(45), OptionalLong.of(12));

        assertThat(after.minus(before)).isEqualTo(new Counters(20, 3, OptionalLong.of(40), OptionalLong.of(10)));
        assertThat(after.minus(new Counters(0, 0, OptionalLong.empty(), OptionalLong.empty()))
                        .statements())
                .isEmpty();
    }

    @Test
    void the_summary_ends_with_its_sections() {
        String markdown = Summary.markdown(
                "Run",
                List.of(),
                List.of(new Figure(Scenario.SCALING, "campanile", "throughput at 1000 jobs", 5, "runs/s", 20)),
                Map.of("Top statements", "| a |\n"));

        assertThat(markdown)
                .contains("## SCALING\n\n| metric | unit | campanile |\n")
                .endsWith("\n## Top statements\n\n| a |\n");
    }
}
