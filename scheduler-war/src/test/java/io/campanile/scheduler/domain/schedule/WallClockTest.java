package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.GapRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WallClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_local_time_that_exists_once_is_its_instant() {
        WallClock clock = new WallClock(BERLIN, GapRule.SKIP);

        WallClock.Resolved noon = clock.resolve(LocalDateTime.parse("2027-07-01T12:00:00"));

        assertThat(noon.at()).isEqualTo(Instant.parse("2027-07-01T10:00:00Z"));
        assertThat(noon.skipped()).isFalse();
    }

    @Test
    void a_local_time_in_the_spring_gap_fires_at_the_change_under_fire_after_gap() {
        // 28 March 2027: 02:00 CET became 03:00 CEST at 01:00Z
        WallClock clock = new WallClock(BERLIN, GapRule.FIRE_AFTER_GAP);

        assertThat(clock.resolve(LocalDateTime.parse("2027-03-28T02:00:00")).at())
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(clock.resolve(LocalDateTime.parse("2027-03-28T02:30:00")).at())
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(clock.resolve(LocalDateTime.parse("2027-03-28T03:00:00")).at())
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void a_local_time_in_the_spring_gap_is_skipped_with_the_change_named_under_skip() {
        WallClock clock = new WallClock(BERLIN, GapRule.SKIP);

        WallClock.Resolved gap = clock.resolve(LocalDateTime.parse("2027-03-28T02:30:00"));

        assertThat(gap.skipped()).isTrue();
        assertThat(gap.at()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(gap.skipReason())
                .contains("2027-03-28T02:30")
                .contains("does not exist in Europe/Berlin")
                .contains("from 02:00 to 03:00")
                .contains("+01:00 to +02:00");
    }

    @Test
    void a_local_time_that_occurs_twice_in_the_autumn_is_its_first_occurrence() {
        // 31 October 2027: 03:00 CEST became 02:00 CET at 01:00Z; 02:30 happened at 00:30Z and at 01:30Z
        WallClock clock = new WallClock(BERLIN, GapRule.SKIP);

        WallClock.Resolved twice = clock.resolve(LocalDateTime.parse("2027-10-31T02:30:00"));

        assertThat(twice.at()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(twice.skipped()).isFalse();
    }

    @Test
    void a_half_hour_change_is_handled_like_any_other() {
        // Lord Howe Island moves its clocks by 30 minutes: 3 October 2027, 02:00 +10:30 became 02:30 +11:00
        WallClock clock = new WallClock(ZoneId.of("Australia/Lord_Howe"), GapRule.FIRE_AFTER_GAP);

        assertThat(clock.resolve(LocalDateTime.parse("2027-10-03T02:15:00")).at())
                .isEqualTo(Instant.parse("2027-10-02T15:30:00Z"));
        assertThat(clock.resolve(LocalDateTime.parse("2027-10-03T02:30:00")).at())
                .isEqualTo(Instant.parse("2027-10-02T15:30:00Z"));
    }
}
