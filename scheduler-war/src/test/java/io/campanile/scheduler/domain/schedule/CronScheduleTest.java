package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.GapRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @Test
    void reads_six_fields_starting_with_seconds() {
        CronSchedule everyQuarterMinute = CronSchedule.parse("*/15 * * * * *", "UTC");

        assertThat(everyQuarterMinute.nextTimeAfter(Instant.parse("2024-01-01T10:00:00Z")))
                .contains(Instant.parse("2024-01-01T10:00:15Z"));
    }

    @Test
    void next_fire_time_is_strictly_after_the_given_time() {
        CronSchedule everyQuarterMinute = CronSchedule.parse("*/15 * * * * *", "UTC");

        assertThat(everyQuarterMinute.nextTimeAfter(Instant.parse("2024-01-01T10:00:15Z")))
                .contains(Instant.parse("2024-01-01T10:00:30Z"));
    }

    @Test
    void next_fire_time_is_on_a_whole_second_even_when_after_has_a_fraction() {
        CronSchedule everyQuarterMinute = CronSchedule.parse("*/15 * * * * *", "UTC");

        assertThat(everyQuarterMinute.nextTimeAfter(Instant.parse("2024-01-01T10:00:14.999Z")))
                .contains(Instant.parse("2024-01-01T10:00:15Z"));
        assertThat(everyQuarterMinute.nextTimeAfter(Instant.parse("2024-01-01T10:00:15.400Z")))
                .contains(Instant.parse("2024-01-01T10:00:30Z"));
    }

    @Test
    void every_second_fires_on_the_next_whole_second() {
        CronSchedule everySecond = CronSchedule.parse("* * * * * *", "UTC");

        assertThat(everySecond.nextTimeAfter(Instant.parse("2024-01-01T10:00:00.123456Z")))
                .contains(Instant.parse("2024-01-01T10:00:01Z"));
    }

    @Test
    void reads_the_hours_in_its_time_zone_across_the_spring_dst_change() {
        CronSchedule twoAtNight = CronSchedule.parse("0 0 2 * * *", "Europe/Berlin");

        // CET (UTC+1) before 31 March 2024, CEST (UTC+2) after
        assertThat(twoAtNight.nextTimeAfter(Instant.parse("2024-03-29T12:00:00Z")))
                .contains(Instant.parse("2024-03-30T01:00:00Z"));
        assertThat(twoAtNight.nextTimeAfter(Instant.parse("2024-03-31T12:00:00Z")))
                .contains(Instant.parse("2024-04-01T00:00:00Z"));
    }

    @Test
    void fires_once_in_the_hour_that_repeats_when_dst_ends() {
        CronSchedule twoThirtyAtNight = CronSchedule.parse("0 30 2 * * *", "Europe/Berlin");

        // On 27 October 2024 Berlin lives 02:00-03:00 twice: first in CEST, then in CET.
        Instant first = twoThirtyAtNight
                .nextTimeAfter(Instant.parse("2024-10-26T12:00:00Z"))
                .orElseThrow();
        Instant next = twoThirtyAtNight.nextTimeAfter(first).orElseThrow();

        assertThat(first).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2024-10-28T01:30:00Z"));
    }

    @Test
    void the_same_expression_fires_at_different_instants_in_different_zones() {
        Instant after = Instant.parse("2024-06-01T00:00:00Z");

        assertThat(CronSchedule.parse("0 0 9 * * *", "UTC").nextTimeAfter(after))
                .contains(Instant.parse("2024-06-01T09:00:00Z"));
        assertThat(CronSchedule.parse("0 0 9 * * *", "Asia/Tokyo").nextTimeAfter(after))
                .contains(Instant.parse("2024-06-02T00:00:00Z"));
    }

    @Test
    void finds_a_rare_date_years_ahead() {
        CronSchedule leapDay = CronSchedule.parse("0 0 0 29 2 *", "UTC");

        assertThat(leapDay.nextTimeAfter(Instant.parse("2024-03-01T00:00:00Z")))
                .contains(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @Test
    void an_expression_that_never_fires_has_no_next_time() {
        CronSchedule thirtiethOfFebruary = CronSchedule.parse("0 0 0 30 2 *", "UTC");

        assertThat(thirtiethOfFebruary.nextTimeAfter(Instant.parse("2024-01-01T00:00:00Z")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 * * *", "0 0 0 * * * 2024", "nonsense"})
    void rejects_an_expression_without_six_fields_naming_it(String expression) {
        assertThatThrownBy(() -> CronSchedule.parse(expression, "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + expression + "'")
                .hasMessageContaining("six fields");
    }

    @Test
    void rejects_a_field_out_of_range_naming_the_value() {
        assertThatThrownBy(() -> CronSchedule.parse("61 0 0 * * *", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'61 0 0 * * *'")
                .hasMessageContaining("61");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejects_a_blank_expression(String blank) {
        assertThatThrownBy(() -> CronSchedule.parse(blank, "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a CRON expression is required");
    }

    @Test
    void rejects_a_missing_expression() {
        assertThatThrownBy(() -> CronSchedule.parse(null, "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a CRON expression is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Europe/Berln", "+25:00"})
    void rejects_an_unknown_time_zone_naming_it(String zone) {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 2 * * *", zone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown time zone '" + zone + "'");
    }

    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");

    @Test
    void reads_lists_in_every_field() {
        CronSchedule firstAndFifteenth = CronSchedule.parse("0 0 0 1,15 * *", "UTC");
        CronSchedule threeSeconds = CronSchedule.parse("1,2,3 * * * * *", "UTC");

        assertThat(firstAndFifteenth.nextTimeAfter(NOW)).contains(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(threeSeconds.nextTimeAfter(Instant.parse("2027-01-15T10:00:02Z")))
                .contains(Instant.parse("2027-01-15T10:00:03Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 30 2 *", "0 0 0 31 4 *", "0 0 0 * * 5#6"})
    void an_expression_that_never_fires_is_refused(String expression) {
        CronSchedule never = CronSchedule.parse(expression, "UTC");

        assertThatThrownBy(() -> never.checkFires(NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never fires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19 11 3 30W 2/3 *", "0 0 0 30W * *", "0 0 0 31W * *", "0 0 0 29W * *"})
    void an_expression_the_library_cannot_evaluate_in_some_month_is_refused(String expression) {
        CronSchedule uncomputable = CronSchedule.parse(expression, "UTC");

        assertThatThrownBy(() -> uncomputable.checkFires(NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be evaluated in")
                .hasMessageContaining("L or LW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 L * *", "0 0 0 LW * *", "0 0 0 29 2 *", "0 0 0 * * MON#5", "*/5 * * * * *"})
    void expressions_that_fire_in_every_month_they_name_pass_the_check(String expression) {
        CronSchedule.parse(expression, "UTC").checkFires(NOW);
    }

    @Test
    void a_fire_time_the_library_cannot_compute_is_an_uncomputable_schedule() {
        CronSchedule thirtiethWeekday = CronSchedule.parse("0 0 0 30W * *", "UTC");

        assertThat(thirtiethWeekday.nextTimeAfter(NOW)).contains(Instant.parse("2027-01-29T00:00:00Z"));
        assertThatThrownBy(() -> thirtiethWeekday.nextTimeAfter(Instant.parse("2027-01-29T00:00:00Z")))
                .isInstanceOf(UncomputableSchedule.class)
                .hasMessageContaining("FEBRUARY 30");
    }

    @Test
    void an_overlong_expression_is_refused_before_parsing() {
        String huge = "0 0 0 " + "1,".repeat(5_000_000) + "2 * *";

        assertThatThrownBy(() -> CronSchedule.parse(huge, "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 200 characters");
    }

    // Europe/Berlin: on 31 March 2024 the clocks went from 02:00 to 03:00 (01:00Z); on 27 October 2024 from 03:00
    // back to 02:00 (01:00Z)
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_local_time_in_the_spring_gap_fires_at_the_change_by_default() {
        CronSchedule halfPastTwo = CronSchedule.parse("0 30 2 * * *", BERLIN, GapRule.FIRE_AFTER_GAP);

        NextFire onTheDay =
                halfPastTwo.nextAfter(Instant.parse("2024-03-30T12:00:00Z")).orElseThrow();

        assertThat(onTheDay.at()).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(onTheDay.local()).isEqualTo(LocalDateTime.parse("2024-03-31T02:30"));
        assertThat(onTheDay.skipped()).isEmpty();
        assertThat(halfPastTwo.nextTimeAfter(onTheDay.at())).contains(Instant.parse("2024-04-01T00:30:00Z"));
    }

    @Test
    void under_the_skip_rule_a_local_time_in_the_gap_is_skipped_with_its_reason() {
        CronSchedule halfPastTwo = CronSchedule.parse("0 30 2 * * *", BERLIN, GapRule.SKIP);

        NextFire next =
                halfPastTwo.nextAfter(Instant.parse("2024-03-30T12:00:00Z")).orElseThrow();

        assertThat(next.at()).isEqualTo(Instant.parse("2024-04-01T00:30:00Z"));
        assertThat(next.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.local()).isEqualTo(LocalDateTime.parse("2024-03-31T02:30"));
            assertThat(skipped.skipReason())
                    .contains("does not exist in Europe/Berlin")
                    .contains("02:00 to 03:00");
        });
    }

    @Test
    void the_minutes_of_a_gap_are_one_fire_at_the_change_and_the_clock_does_not_stall() {
        CronSchedule everyMinute = CronSchedule.parse("0 * * * * *", BERLIN, GapRule.FIRE_AFTER_GAP);

        Instant change =
                everyMinute.nextTimeAfter(Instant.parse("2024-03-31T00:59:00Z")).orElseThrow();

        assertThat(change).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(everyMinute.nextTimeAfter(change)).contains(Instant.parse("2024-03-31T01:01:00Z"));
    }

    @Test
    void a_repeated_hour_fires_once_and_the_second_pass_is_passed_over() {
        CronSchedule everyMinute = CronSchedule.parse("0 * * * * *", BERLIN, GapRule.FIRE_AFTER_GAP);

        // 02:59 CEST is the last minute of the first pass; 02:00-02:59 CET repeat those local times
        assertThat(everyMinute.nextTimeAfter(Instant.parse("2024-10-27T00:58:30Z")))
                .contains(Instant.parse("2024-10-27T00:59:00Z"));
        assertThat(everyMinute.nextTimeAfter(Instant.parse("2024-10-27T00:59:00Z")))
                .as("the next local time that has not fired is 03:00 CET")
                .contains(Instant.parse("2024-10-27T02:00:00Z"));
        assertThat(everyMinute.nextTimeAfter(Instant.parse("2024-10-27T01:30:00Z")))
                .as("asked during the second pass")
                .contains(Instant.parse("2024-10-27T02:00:00Z"));
    }

    @Test
    void every_second_through_a_skipped_hour_lists_every_skipped_second_and_then_fires() {
        CronSchedule everySecond = CronSchedule.parse("* * * * * *", BERLIN, GapRule.SKIP);

        NextFire next =
                everySecond.nextAfter(Instant.parse("2024-03-31T00:59:59Z")).orElseThrow();

        assertThat(next.skipped()).hasSize(3600);
        assertThat(next.at()).as("03:00:00 exists").isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    }
}
