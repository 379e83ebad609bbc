package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private static Execution call(String key, int attempt, long startedMillis) {
        return new Execution(key, attempt, T0, T0.plusMillis(startedMillis));
    }

    @Test
    void a_repeated_call_is_a_duplicate_and_a_run_never_called_is_a_miss() {
        Tally tally = Tally.of(Set.of("a", "b", "c"), List.of(call("a", 1, 10), call("b", 1, 20), call("a", 2, 5000)));

        assertThat(tally.executed()).isEqualTo(2);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.misses()).isEqualTo(1);
        assertThat(tally.complete()).isFalse();
    }

    @Test
    void calls_of_other_runs_are_ignored() {
        Tally tally = Tally.of(Set.of("a"), List.of(call("warm-1", 1, 0), call("a", 1, 10)));

        assertThat(tally.executed()).isEqualTo(1);
        assertThat(tally.duplicates()).isZero();
        assertThat(tally.complete()).isTrue();
    }

    @Test
    void the_first_call_of_a_run_is_its_earliest_whatever_the_order_recorded() {
        Tally tally = Tally.of(Set.of("a"), List.of(call("a", 2, 900), call("a", 1, 100)));

        assertThat(tally.firstCalls()).containsExactly(call("a", 1, 100));
    }

    @Test
    void throughput_counts_the_calls_after_the_first_over_the_span_of_first_calls() {
        // five runs, first calls 0..1000 ms apart; a late repeat does not stretch the span
        Tally tally = Tally.of(
                Set.of("a", "b", "c", "d", "e"),
                List.of(
                        call("a", 1, 0),
                        call("b", 1, 250),
                        call("c", 1, 500),
                        call("d", 1, 750),
                        call("e", 1, 1000),
                        call("a", 2, 11_000)));

        assertThat(tally.throughputPerSecond()).isEqualTo(4.0);
    }

    @Test
    void throughput_is_zero_below_two_runs() {
        assertThat(Tally.of(Set.of("a"), List.of(call("a", 1, 0))).throughputPerSecond())
                .isZero();
    }

    @Test
    void backlogs_combined_add_up_their_runs_first_calls_and_duplicates() {
        Tally one = Tally.of(Set.of("a", "b"), List.of(call("a", 1, 10), call("a", 2, 20)));
        Tally two = Tally.of(Set.of("c"), List.of(call("c", 1, 5)));

        Tally both = Tally.combined(List.of(one, two));

        assertThat(both.expected()).isEqualTo(3);
        assertThat(both.executed()).isEqualTo(2);
        assertThat(both.duplicates()).isEqualTo(1);
        assertThat(both.misses()).isEqualTo(1);
        assertThat(both.firstCalls()).containsExactly(call("c", 1, 5), call("a", 1, 10));
    }
}
