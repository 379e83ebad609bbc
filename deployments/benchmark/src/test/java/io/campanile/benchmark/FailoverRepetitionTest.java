package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailoverRepetitionTest {

    private static final Instant EVENT = Instant.parse("2026-11-30T10:00:00Z");

    private static Execution call(String key, long startedMillisAfterEvent, long epoch) {
        Instant started = EVENT.plusMillis(startedMillisAfterEvent);
        return new Execution(key, 1, started.minusMillis(50), started, epoch);
    }

    @Test
    void the_first_call_under_a_newer_epoch_after_the_event_ends_the_failover() {
        List<Execution> calls = List.of(
                call("1", -300, 3), // the old owner before the event
                call("2", 200, 3), // the old owner's call still running after it
                call("3", 3400, 4),
                call("4", 3100, 4), // recorded later, started earlier: this one
                call("5", 5000, 5));

        Optional<Execution> first = FailoverRepetition.firstCallUnderNewerEpoch(calls, EVENT, 3);

        assertThat(first).map(Execution::key).contains("4");
        FailoverRepetition repetition = new FailoverRepetition(FailoverEvent.KILL, 1, EVENT, "server-1", 3, first);
        assertThat(repetition.failedOver()).isTrue();
        assertThat(repetition.millis()).contains(3100.0);
    }

    @Test
    void calls_of_an_earlier_owner_change_and_of_the_old_owner_do_not_count() {
        List<Execution> calls = List.of(call("1", -2000, 4), call("2", 100, 3), call("3", 900, 3));

        Optional<Execution> first = FailoverRepetition.firstCallUnderNewerEpoch(calls, EVENT, 3);

        assertThat(first).as("epoch 4 started before the event").isEmpty();
        FailoverRepetition repetition = new FailoverRepetition(FailoverEvent.FREEZE, 2, EVENT, "server-2", 3, first);
        assertThat(repetition.failedOver()).isFalse();
        assertThat(repetition.millis()).isEmpty();
    }
}
