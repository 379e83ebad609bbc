package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverFiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        assertThat(FailoverFigures.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(FailoverFigures.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThatThrownBy(() -> FailoverFigures.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_event_gets_its_median_max_and_repetitions_and_the_stream_its_books() {
        List<FailoverRepetition> repetitions = List.of(
                repetition(FailoverEvent.KILL, 1, 3000),
                repetition(FailoverEvent.GRACEFUL, 1, 400),
                repetition(FailoverEvent.KILL, 2, 2000),
                repetition(FailoverEvent.GRACEFUL, 2, -1), // did not fail over
                repetition(FailoverEvent.KILL, 3, 4000));
        Tally books = Tally.of(
                Set.of("a", "b", "c"),
                List.of(
                        new Execution("a", 1, T0, T0, 1),
                        new Execution("a", 1, T0, T0.plusSeconds(1), 2),
                        new Execution("b", 1, T0, T0, 1)));

        List<Figure> figures = FailoverFigures.of(repetitions, books);

        assertThat(value(figures, "kill -9: repetitions")).isEqualTo(3);
        assertThat(value(figures, "kill -9: failed over")).isEqualTo(3);
        assertThat(value(figures, "kill -9: median")).isEqualTo(3000);
        assertThat(value(figures, "kill -9: max")).isEqualTo(4000);
        assertThat(value(figures, "kill -9: repetition 2")).isEqualTo(2000);
        assertThat(value(figures, "graceful stop: repetitions")).isEqualTo(2);
        assertThat(value(figures, "graceful stop: failed over")).isEqualTo(1);
        assertThat(value(figures, "graceful stop: median")).isEqualTo(400);
        assertThat(figures).noneMatch(f -> f.metric().equals("graceful stop: repetition 2"));
        assertThat(figures).noneMatch(f -> f.metric().startsWith("SIGSTOP"));
        assertThat(value(figures, "runs")).isEqualTo(3);
        assertThat(value(figures, "duplicates")).isEqualTo(1);
        assertThat(value(figures, "misses")).isEqualTo(1);
        assertThat(figures)
                .allMatch(
                        f -> f.scenario() == Scenario.FAILOVER && f.scheduler().equals("campanile"));
    }

    static FailoverRepetition repetition(FailoverEvent event, int number, long millis) {
        Optional<Execution> first =
                millis < 0 ? Optional.empty() : Optional.of(new Execution("x", 1, T0, T0.plusMillis(millis), 2));
        return new FailoverRepetition(event, number, T0, "server-1", 1, first);
    }

    private static double value(List<Figure> figures, String metric) {
        return figures.stream()
                .filter(f -> f.metric().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " in " + figures))
                .value();
    }
}
