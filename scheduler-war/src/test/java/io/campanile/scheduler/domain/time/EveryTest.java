package io.campanile.scheduler.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EveryTest {

    private final MutableClock monotonic = new MutableClock(Instant.ofEpochMilli(5_000));
    private final Every second = new Every(1000, monotonic);

    @Test
    void is_due_at_once_and_then_once_per_period() {
        assertThat(second.due()).isTrue();
        assertThat(second.due()).isFalse();
        monotonic.advanceMillis(999);
        assertThat(second.due()).isFalse();
        monotonic.advanceMillis(1);
        assertThat(second.due()).isTrue();
        assertThat(second.due()).isFalse();
    }

    @Test
    void a_late_check_starts_the_next_period_from_itself() {
        second.due();
        monotonic.advanceMillis(2500);
        assertThat(second.due()).isTrue();
        monotonic.advanceMillis(999);
        assertThat(second.due()).isFalse();
    }

    @Test
    void refuses_a_period_that_is_not_positive() {
        assertThatThrownBy(() -> new Every(0, monotonic)).isInstanceOf(IllegalArgumentException.class);
    }
}
