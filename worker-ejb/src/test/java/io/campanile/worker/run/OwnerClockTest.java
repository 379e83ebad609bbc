package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnerClockTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final OwnerClock clock = new OwnerClock();

    @Test
    void knows_nothing_before_the_first_reading() {
        assertThat(clock.surelyPassed(T)).isEmpty();
        assertThat(clock.sync("s1", null, 0, 10 * MS)).isFalse();
        assertThat(clock.surelyPassed(T)).isEmpty();
    }

    @Test
    void an_instant_has_surely_passed_half_the_round_trip_and_the_drift_after_its_estimate() {
        // sent at 1,000 ms, answered at 1,010 ms: the owner read T somewhere in between, 1,005 ms at the midpoint
        clock.sync("s1", T, 1_000 * MS, 1_010 * MS);

        // T + 1 s is estimated at 2,005 ms; 5 ms of round trip and 1 ms of drift (over 1 s) later it has passed
        assertThat(clock.surelyPassed(T.plusSeconds(1))).hasValue(2_011 * MS);
    }

    @Test
    void a_slow_round_trip_does_not_replace_a_more_precise_reading() {
        clock.sync("s1", T, 1_000 * MS, 1_002 * MS);

        assertThat(clock.sync("s1", T.plusMillis(500), 1_400 * MS, 1_500 * MS)).isFalse();
        assertThat(clock.surelyPassed(T)).hasValue(1_002 * MS);
    }

    @Test
    void a_precise_reading_replaces_one_that_has_aged() {
        clock.sync("s1", T, 1_000 * MS, 1_010 * MS); // 5 ms error
        // 10 s later the first has 15 ms of error; a reading with a 20 ms round trip (10 ms error) is better
        assertThat(clock.sync("s1", T.plusMillis(10_004), 11_000 * MS, 11_020 * MS))
                .isTrue();

        assertThat(clock.surelyPassed(T.plusMillis(10_004))).hasValue(11_020 * MS);
    }

    @Test
    void a_reading_of_another_server_replaces_the_one_in_use_the_owner_changed() {
        clock.sync("s1", T, 1_000 * MS, 1_000 * MS);

        assertThat(clock.sync("s2", T.plusMillis(3), 2_000 * MS, 2_100 * MS)).isTrue();
        assertThat(clock.surelyPassed(T.plusMillis(3))).hasValue(2_100 * MS);
    }
}
