package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveTallyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private static Execution call(String key, int attempt, long startedMillis) {
        return new Execution(key, attempt, T0, T0.plusMillis(startedMillis));
    }

    @Test
    void records_read_in_parts_give_the_books_of_reading_them_at_once() {
        List<Execution> records =
                List.of(call("warm-1", 1, 0), call("a", 1, 10), call("b", 1, 30), call("a", 2, 5), call("c", 1, 20));
        LiveTally live = new LiveTally(Set.of("a", "b", "c", "d"));

        live.add(records.subList(0, 2));
        assertThat(live.calls()).isEqualTo(1);
        live.add(records.subList(2, 4));
        live.add(records.subList(4, 5));

        Tally whole = Tally.of(Set.of("a", "b", "c", "d"), records);
        Tally parts = live.tally();
        assertThat(parts.firstCalls()).containsExactlyElementsOf(whole.firstCalls());
        assertThat(parts.firstCalls()).containsExactly(call("a", 2, 5), call("c", 1, 20), call("b", 1, 30));
        assertThat(parts.duplicates()).isEqualTo(whole.duplicates()).isEqualTo(1);
        assertThat(parts.misses()).isEqualTo(1);
        assertThat(live.complete()).isFalse();
    }

    @Test
    void it_is_complete_once_every_expected_run_was_called() {
        LiveTally live = new LiveTally(Set.of("a"));
        live.add(List.of(call("a", 1, 1)));

        assertThat(live.complete()).isTrue();
        assertThat(live.tally().complete()).isTrue();
    }

    @Test
    void books_keyed_by_scheduled_instant_count_two_instances_of_one_fire_time_as_a_duplicate() {
        Instant fire = T0.plusSeconds(1);
        List<Execution> records = List.of(
                new Execution("41", 1, fire, fire.plusMillis(4)),
                new Execution("42", 1, fire, fire.plusMillis(9)),
                new Execution("43", 1, T0, T0.plusMillis(2)));
        LiveTally live = new LiveTally(Set.of(fire.toString(), T0.plusSeconds(2).toString()), call -> call.scheduled()
                .toString());

        live.add(records);

        Tally tally = live.tally();
        assertThat(tally.executed()).isEqualTo(1);
        assertThat(tally.firstCalls().get(0).key()).isEqualTo("41");
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.misses()).isEqualTo(1);
    }
}
