package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.scheduler.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    private final MutableClock wall = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final MutableClock monotonic = new MutableClock(Instant.ofEpochMilli(1_000_000));
    private final DatabaseClock clock = new DatabaseClock(wall, monotonic);

    @Test
    void reads_the_wall_clock_until_synced() {
        assertThat(clock.instant()).isEqualTo(wall.instant());
        monotonic.advanceMillis(250);
        assertThat(clock.instant()).isEqualTo(wall.instant().plusMillis(250));
    }

    @Test
    void takes_the_database_time_at_the_midpoint_of_the_round_trip() {
        long sent = monotonic.millis();
        monotonic.advanceMillis(200);
        // the database read its clock half-way through the round trip
        Instant databaseTime = Instant.parse("2024-05-01T10:00:05Z");

        clock.sync(databaseTime, sent, monotonic.millis());

        assertThat(clock.instant()).isEqualTo(databaseTime.plusMillis(100));
    }

    @Test
    void its_uncertainty_is_half_the_round_trip_of_the_reading_in_use_growing_with_its_age() {
        assertThat(clock.uncertaintyMillis()).as("the wall clock says nothing").isInfinite();
        long sent = monotonic.millis();
        monotonic.advanceMillis(40);
        clock.sync(Instant.parse("2024-05-01T10:00:05Z"), sent, monotonic.millis());

        // the reading is dated at the midpoint, 20 ms before it arrived: it aged as much
        assertThat(clock.uncertaintyMillis()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.1));
        monotonic.advanceMillis(10_000);
        assertThat(clock.uncertaintyMillis())
                .isCloseTo(20.0 + 10 * DatabaseClock.DRIFT_PER_SECOND, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void moves_on_by_the_monotonic_clock_between_syncs() {
        long sent = monotonic.millis();
        clock.sync(Instant.parse("2024-05-01T09:59:57Z"), sent, sent);

        monotonic.advanceMillis(1500);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T09:59:58.500Z"));
    }

    @Test
    void a_wall_clock_stepped_back_or_forwards_changes_nothing() {
        long sent = monotonic.millis();
        Instant databaseTime = Instant.parse("2024-05-01T10:00:00Z");
        clock.sync(databaseTime, sent, sent);

        wall.advance(Duration.ofSeconds(-30));
        monotonic.advanceMillis(1000);
        assertThat(clock.instant()).isEqualTo(databaseTime.plusSeconds(1));

        wall.advance(Duration.ofSeconds(90));
        monotonic.advanceMillis(1000);
        assertThat(clock.instant()).isEqualTo(databaseTime.plusSeconds(2));
    }

    @Test
    void a_later_sync_replaces_the_earlier_one() {
        long sent = monotonic.millis();
        clock.sync(Instant.parse("2024-05-01T10:00:05Z"), sent, sent);
        clock.sync(Instant.parse("2024-05-01T10:00:00.020Z"), sent, sent);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T10:00:00.020Z"));
    }

    @Test
    void a_slower_round_trip_does_not_replace_a_quicker_recent_one() {
        long sent = monotonic.millis();
        monotonic.advanceMillis(2);
        Instant quick = Instant.parse("2024-05-01T10:00:00Z");
        assertThat(clock.sync(quick, sent, monotonic.millis())).isTrue();

        monotonic.advanceMillis(1000);
        long slowSent = monotonic.millis();
        monotonic.advanceMillis(60);
        // read early in a slow round trip: taken at its midpoint it would put the clock 29 ms behind
        assertThat(clock.sync(quick.plusMillis(1002), slowSent, monotonic.millis()))
                .isFalse();

        assertThat(clock.instant()).isEqualTo(quick.plusMillis(1 + 1060));
    }

    @Test
    void a_slow_round_trip_is_taken_once_the_reading_in_use_is_old_enough() {
        long sent = monotonic.millis();
        clock.sync(Instant.parse("2024-05-01T10:00:00Z"), sent, sent + 2);

        monotonic.advanceMillis(40_000);
        long slowSent = monotonic.millis();
        monotonic.advanceMillis(60);

        // 30 ms either way is within the 1 + 40 ms the 40 s old reading may have drifted by
        assertThat(clock.sync(Instant.parse("2024-05-01T10:00:50Z"), slowSent, monotonic.millis()))
                .isTrue();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T10:00:50.030Z"));
    }

    @Test
    void any_reading_replaces_the_wall_clock() {
        long sent = monotonic.millis();
        monotonic.advanceMillis(5_000);

        assertThat(clock.sync(Instant.parse("2024-05-01T09:00:00Z"), sent, monotonic.millis()))
                .isTrue();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T09:00:02.500Z"));
    }

    @Test
    void is_always_utc_and_keeps_its_monotonic_clock() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.monotonic()).isSameAs(monotonic);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Berlin")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
