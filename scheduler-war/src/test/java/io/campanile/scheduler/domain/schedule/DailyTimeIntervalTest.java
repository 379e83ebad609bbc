package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.GapRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyTimeIntervalTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static DailyTimeInterval interval(
            GapRule rule, String start, String end, Duration every, Set<DayOfWeek> days) {
        return new DailyTimeInterval(
                new WallClock(BERLIN, rule), LocalTime.parse(start), LocalTime.parse(end), every, days);
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    /** The next {@code count} fires after {@code from}, each found from the one before. */
    private static List<NextFire> fires(DailyTimeInterval schedule, Instant from, int count) {
        List<NextFire> fires = new ArrayList<>();
        Instant after = from;
        for (int i = 0; i < count; i++) {
            NextFire next = schedule.nextAfter(after).orElseThrow();
            fires.add(next);
            after = next.at();
        }
        return fires;
    }

    @Test
    void it_fires_on_the_days_and_between_the_times_chosen() {
        DailyTimeInterval officeHours = interval(
                GapRule.SKIP,
                "09:00",
                "17:00",
                Duration.ofMinutes(15),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

        // Friday 1 October 2027, 16:50 -> 17:00; after 17:00 -> Monday 09:00
        assertThat(officeHours
                        .nextAfter(berlin("2027-10-01T16:50:00"))
                        .orElseThrow()
                        .at())
                .isEqualTo(berlin("2027-10-01T17:00:00"));
        assertThat(officeHours
                        .nextAfter(berlin("2027-10-01T17:00:00"))
                        .orElseThrow()
                        .at())
                .isEqualTo(berlin("2027-10-04T09:00:00"));
        // before the start of a day, the start; between two times, the next on the day's lattice
        assertThat(officeHours
                        .nextAfter(berlin("2027-10-04T03:00:00"))
                        .orElseThrow()
                        .local())
                .isEqualTo(LocalDateTime.parse("2027-10-04T09:00:00"));
        assertThat(officeHours
                        .nextAfter(berlin("2027-10-04T09:07:30"))
                        .orElseThrow()
                        .local())
                .isEqualTo(LocalDateTime.parse("2027-10-04T09:15:00"));
    }

    @Test
    void spring_gap_times_fire_once_at_the_change_under_fire_after_gap() {
        DailyTimeInterval night = interval(GapRule.FIRE_AFTER_GAP, "01:30", "03:30", Duration.ofMinutes(30), EVERY_DAY);

        List<NextFire> fires = fires(night, berlin("2027-03-28T01:00:00"), 3);

        assertThat(fires)
                .extracting(NextFire::at)
                .containsExactly(
                        Instant.parse("2027-03-28T00:30:00Z"), // 01:30 CET
                        Instant.parse("2027-03-28T01:00:00Z"), // 02:00, 02:30 and 03:00: the change, once
                        Instant.parse("2027-03-28T01:30:00Z")); // 03:30 CEST
        assertThat(fires).allSatisfy(f -> assertThat(f.skipped()).isEmpty());
    }

    @Test
    void spring_gap_times_are_skipped_and_reported_under_skip() {
        DailyTimeInterval night = interval(GapRule.SKIP, "01:30", "03:30", Duration.ofMinutes(30), EVERY_DAY);

        List<NextFire> fires = fires(night, berlin("2027-03-28T01:00:00"), 3);

        assertThat(fires)
                .extracting(NextFire::local)
                .containsExactly(
                        LocalDateTime.parse("2027-03-28T01:30:00"),
                        LocalDateTime.parse("2027-03-28T03:00:00"),
                        LocalDateTime.parse("2027-03-28T03:30:00"));
        assertThat(fires.get(1).skipped())
                .extracting(WallClock.Resolved::local)
                .containsExactly(
                        LocalDateTime.parse("2027-03-28T02:00:00"), LocalDateTime.parse("2027-03-28T02:30:00"));
        assertThat(fires.get(1).skipped())
                .allSatisfy(s -> assertThat(s.skipReason()).contains("does not exist"));
        assertThat(fires.get(2).skipped()).isEmpty();
    }

    @Test
    void autumn_times_that_occur_twice_fire_once() {
        DailyTimeInterval night = interval(GapRule.SKIP, "01:30", "03:30", Duration.ofMinutes(30), EVERY_DAY);

        List<NextFire> fires = fires(night, berlin("2027-10-31T01:00:00"), 6);

        assertThat(fires)
                .extracting(NextFire::at)
                .containsExactly(
                        Instant.parse("2027-10-30T23:30:00Z"), // 01:30 CEST
                        Instant.parse("2027-10-31T00:00:00Z"), // 02:00 CEST, the first of two
                        Instant.parse("2027-10-31T00:30:00Z"), // 02:30 CEST, the first of two
                        Instant.parse("2027-10-31T02:00:00Z"), // 03:00 CET
                        Instant.parse("2027-10-31T02:30:00Z"), // 03:30 CET
                        Instant.parse("2027-11-01T00:30:00Z")); // 01:30 CET the next day
    }

    @Test
    void an_instant_inside_the_repeated_hour_does_not_fire_its_times_again() {
        DailyTimeInterval night = interval(GapRule.SKIP, "01:30", "03:30", Duration.ofMinutes(30), EVERY_DAY);

        // 01:45Z is 02:45 CET, the second time round: 02:00 and 02:30 fired in the first one
        assertThat(night.nextAfter(Instant.parse("2027-10-31T01:45:00Z"))
                        .orElseThrow()
                        .at())
                .isEqualTo(Instant.parse("2027-10-31T02:00:00Z"));
    }

    @Test
    void bad_settings_are_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> interval(GapRule.SKIP, "17:00", "09:00", Duration.ofMinutes(1), EVERY_DAY))
                .hasMessageContaining("before its start");
        assertThatThrownBy(() -> interval(GapRule.SKIP, "09:00", "17:00", Duration.ofMillis(1500), EVERY_DAY))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> interval(GapRule.SKIP, "09:00", "17:00", Duration.ofMinutes(1), Set.of()))
                .hasMessageContaining("day of the week");
    }
}
