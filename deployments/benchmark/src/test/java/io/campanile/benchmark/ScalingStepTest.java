package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.benchmark.DatabaseStats.Counters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ScalingStepTest {

    @Test
    void a_row_per_step_with_idle_cost_per_second_and_throughput() {
        IdleWindow idle = new IdleWindow(new Counters(40, 0, OptionalLong.of(100), OptionalLong.of(80)), 20);
        ScalingStep step = new ScalingStep(
                1000, 100, Duration.ofSeconds(12), false, idle, 250.04, 2000, 2000, 2.5, OptionalDouble.of(3.25));

        assertThat(ScalingStep.table(List.of(step)))
                .startsWith("| jobs defined | apps |")
                .contains("| 1000 | 100 | 12 s | 5.00 | 4.00 | 2.00 | 0.00 | 250.0 (2000/2000) | 3.25 | 2.50 |\n");
    }

    @Test
    void a_step_cut_short_says_so_and_missing_statements_show_a_dash() {
        IdleWindow idle = new IdleWindow(new Counters(10, 5, OptionalLong.empty(), OptionalLong.empty()), 10);
        ScalingStep step =
                new ScalingStep(4200, 42, Duration.ofSeconds(900), true, idle, 0, 0, 20, 0, OptionalDouble.empty());

        assertThat(ScalingStep.table(List.of(step)))
                .contains("| 4200 (time bound) | 42 | 900 s | — | — | 1.00 | 0.50 | 0.0 (0/20) | — | 0.00 |\n");
    }

    @Test
    void the_defined_jobs_fire_once_a_year_six_months_away() {
        assertThat(DefinedJobs.yearlyCron(LocalDate.of(2026, 11, 30))).isEqualTo("0 0 0 1 5 *");
        assertThat(DefinedJobs.yearlyCron(LocalDate.of(2026, 1, 31))).isEqualTo("0 0 0 1 7 *");
    }

    @Test
    void idle_window_rates_are_per_second_and_nan_without_statements() {
        IdleWindow counted = new IdleWindow(new Counters(30, 6, OptionalLong.of(90), OptionalLong.of(60)), 3);
        IdleWindow uncounted = new IdleWindow(new Counters(30, 6, OptionalLong.empty(), OptionalLong.empty()), 3);

        assertThat(counted.statementsPerSecond()).isEqualTo(30);
        assertThat(counted.transactionControlPerSecond()).isEqualTo(20);
        assertThat(counted.rowsWrittenPerSecond()).isEqualTo(2);
        assertThat(uncounted.statementsPerSecond()).isNaN();
    }
}
