package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickAlarmsTest {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
    private final AtomicLong monotonic = new AtomicLong(5_000);
    private final AtomicLong wallOffset = new AtomicLong();
    private final Clock wall = new Clock() {
        @Override
        public long millis() {
            return T0.toEpochMilli() + monotonic.get() - 5_000 + wallOffset.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final TickAlarms alarms = new TickAlarms(wall, monotonic::get, 100);

    @Test
    void without_alarms_the_next_tick_is_one_period_after_the_last_started() {
        assertThat(alarms.nextAfterTickAt(5_000)).isEqualTo(5_100);
    }

    @Test
    void an_instant_asked_for_within_the_period_brings_the_tick_forward_to_that_millisecond() {
        alarms.askFor(T0.plusMillis(37));

        assertThat(alarms.nextAfterTickAt(5_000)).isEqualTo(5_037);
    }

    @Test
    void an_alarm_is_spent_by_the_first_tick_that_starts_after_it() {
        alarms.askFor(T0.plusMillis(37));
        alarms.askFor(T0.plusMillis(60));

        assertThat(alarms.nextAfterTickAt(5_040))
                .as("the 37 ms alarm was served")
                .isEqualTo(5_060);
        assertThat(alarms.nextAfterTickAt(5_061)).isEqualTo(5_161);
    }

    @Test
    void now_or_a_passed_instant_asks_for_a_tick_at_once_and_only_once() {
        alarms.askFor(Instant.MIN);
        alarms.askFor(T0.minusSeconds(10));

        assertThat(alarms.nextAfterTickAt(4_990))
                .as("asked for during a tick: one more")
                .isEqualTo(5_000);
        assertThat(alarms.nextAfterTickAt(5_001)).as("spent").isEqualTo(5_101);
    }

    @Test
    void a_wall_clock_stepped_after_the_alarm_was_asked_for_does_not_move_it() {
        alarms.askFor(T0.plusMillis(50));
        wallOffset.set(-60_000); // stepped back a minute

        assertThat(alarms.nextAfterTickAt(5_000)).isEqualTo(5_050);
    }

    @Test
    void an_instant_far_ahead_waits_one_period_at_most() {
        alarms.askFor(T0.plusSeconds(365L * 86_400 * 1000));

        assertThat(alarms.nextAfterTickAt(5_000)).isEqualTo(5_100);
        assertThat(alarms.nextAfterTickAt(5_000 + 86_400_000L - 50))
                .as("capped at a day")
                .isEqualTo(5_000 + 86_400_000L);
    }
}
