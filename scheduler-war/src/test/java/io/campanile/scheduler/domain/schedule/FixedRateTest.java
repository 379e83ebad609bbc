package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedRateTest {

    private static final Instant START = Instant.parse("2027-01-01T00:00:00.250Z");
    private final FixedRate every10s = new FixedRate(START, Duration.ofSeconds(10));

    @Test
    void the_next_fire_is_the_next_lattice_point_strictly_after() {
        assertThat(every10s.nextAfter(START)).isEqualTo(START.plusSeconds(10));
        assertThat(every10s.nextAfter(START.plusMillis(9_999))).isEqualTo(START.plusSeconds(10));
        assertThat(every10s.nextAfter(START.plusSeconds(10))).isEqualTo(START.plusSeconds(20));
    }

    @Test
    void the_lattice_does_not_drift_with_when_a_fire_was_noticed_or_how_long_it_ran() {
        // a fire noticed 3.7 s late, and a run that took 25 s: the lattice stays on .250
        assertThat(every10s.nextAfter(START.plusMillis(13_700))).isEqualTo(START.plusSeconds(20));
        assertThat(every10s.nextAfter(START.plusSeconds(35))).isEqualTo(START.plusSeconds(40));
    }

    @Test
    void before_its_start_the_first_fire_is_the_start() {
        assertThat(every10s.nextAfter(START.minusSeconds(3600))).isEqualTo(START);
        assertThat(every10s.latestAtOrBefore(START.minusMillis(1))).isEmpty();
    }

    @Test
    void a_phase_anchors_the_lattice_at_the_epoch() {
        FixedRate onTheMinutePlus5s = FixedRate.ofPhase(Duration.ofMinutes(1), Duration.ofSeconds(5));

        assertThat(onTheMinutePlus5s.nextAfter(Instant.parse("2027-01-01T10:00:04Z")))
                .isEqualTo(Instant.parse("2027-01-01T10:00:05Z"));
        assertThat(onTheMinutePlus5s.nextAfter(Instant.parse("2027-01-01T10:00:05Z")))
                .isEqualTo(Instant.parse("2027-01-01T10:01:05Z"));
    }

    @Test
    void the_fires_missed_over_an_outage_are_counted() {
        // down from just after the fire at 10 s to 55 s: the fires at 20, 30, 40 and 50 s were missed
        assertThat(every10s.countIn(START.plusSeconds(10), START.plusSeconds(55)))
                .isEqualTo(4);
        assertThat(every10s.countIn(START.plusSeconds(10), START.plusSeconds(50)))
                .isEqualTo(4);
        assertThat(every10s.countIn(START.plusSeconds(10), START.plusSeconds(19)))
                .isZero();
        assertThat(every10s.countIn(START.plusSeconds(30), START.plusSeconds(10)))
                .isZero();
    }

    @Test
    void a_period_shorter_than_the_minimum_is_refused_with_both_figures() {
        assertThatThrownBy(() -> new FixedRate(START, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 100 ms")
                .hasMessageContaining("not 10 ms");
    }
}
