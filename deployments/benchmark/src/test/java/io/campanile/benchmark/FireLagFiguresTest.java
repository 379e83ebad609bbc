package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FireLagFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Execution call(String key, long lagMillis) {
        return new Execution(key, 1, T0, T0.plusMillis(lagMillis));
    }

    private static double value(List<Figure> figures, String metric) {
        return figures.stream()
                .filter(f -> f.metric().equals(metric))
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void the_books_and_the_lag_percentiles_of_the_first_calls_under_the_scenario_given() {
        Tally tally = Tally.of(
                Set.of("a", "b", "c", "d"), List.of(call("a", 4), call("b", 12), call("c", -1), call("a", 10_000)));

        List<Figure> figures = FireLagFigures.of(Scenario.FIRE_LAG, "campanile", 4, tally);

        assertThat(figures).allMatch(f -> f.scenario() == Scenario.FIRE_LAG);
        assertThat(figures)
                .extracting(Figure::metric)
                .containsExactly("runs", "duplicates", "misses", "lag p50", "lag p95", "lag p99", "lag max", "lag min");
        assertThat(value(figures, "duplicates")).isEqualTo(1);
        assertThat(value(figures, "misses")).isEqualTo(1);
        assertThat(value(figures, "lag p50")).isEqualTo(4);
        assertThat(value(figures, "lag max")).isEqualTo(12);
        assertThat(value(figures, "lag min")).isEqualTo(-1);
    }

    @Test
    void nothing_called_gives_the_books_without_lags() {
        Tally tally = Tally.of(Set.of("a"), List.of());

        assertThat(FireLagFigures.of(Scenario.FIRE_LAG, "quartz", 1, tally))
                .extracting(Figure::metric)
                .containsExactly("runs", "duplicates", "misses");
    }
}
