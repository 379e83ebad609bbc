package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ScheduleDefinitionsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void each_type_reads_the_fields_it_uses() {
        ScheduleSpec rate = read(JobDefinition.fixedRate("r", "p", Duration.ofMillis(1500)));
        ScheduleSpec later =
                read(JobDefinition.of("o", "p", ScheduleType.ONE_OFF).withDelay(Duration.ofMinutes(5)));
        ScheduleSpec daily = read(JobDefinition.dailyTimeInterval(
                        "d", "p", LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofMinutes(15))
                .withDaysOfWeek(List.of(DayOfWeek.MONDAY))
                .withTimeZone("America/New_York")
                .withGapRule(GapRule.SKIP));

        assertThat(rate.interval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(later.runAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(daily.days()).containsExactly(DayOfWeek.MONDAY);
        assertThat(daily.gapRule()).isEqualTo(GapRule.SKIP);
        assertThat(daily.zone().getId()).isEqualTo("America/New_York");
        assertThat(read(JobDefinition.cron("c", "p", "0 * * * * *")).gapRule())
                .as("the default rule")
                .isEqualTo(GapRule.FIRE_AFTER_GAP);
    }

    @Test
    void a_missing_field_is_named() {
        assertRefused(() -> JobDefinition.of("r", "p", ScheduleType.FIXED_RATE), "interval");
        assertRefused(() -> JobDefinition.of("o", "p", ScheduleType.ONE_OFF), "runAt");
        assertRefused(
                () -> JobDefinition.of("d", "p", ScheduleType.DAILY_TIME_INTERVAL)
                        .withInterval(Duration.ofMinutes(1)),
                "dayStart");
        assertRefused(() -> JobDefinition.of("c", "p", ScheduleType.CRON), "cron");
    }

    @Test
    void a_field_of_another_type_is_refused_not_ignored() {
        assertRefused(
                () -> JobDefinition.cron("c", "p", "0 * * * * *").withInterval(Duration.ofSeconds(5)), "interval");
        assertRefused(
                () -> JobDefinition.fixedRate("r", "p", Duration.ofSeconds(5)).withGapRule(GapRule.SKIP), "gapRule");
        assertRefused(() -> JobDefinition.oneOff("o", "p", NOW).withWindow(NOW, null), "startAt");
        assertRefused(() -> JobDefinition.onDemand("a", "p").withRunAt(NOW), "runAt");
        assertRefused(
                () -> JobDefinition.oneOff("o", "p", NOW).withDelay(Duration.ofSeconds(1)), "either runAt or delay");
    }

    @Test
    void wrong_values_are_named_with_what_is_expected() {
        assertRefused(() -> withInterval("5 seconds"), "interval: '5 seconds' is not an ISO-8601 duration");
        assertRefused(() -> withInterval("PT0.05S"), "at least 100 ms");
        assertRefused(() -> withInterval("-PT5S"), "interval: must be between");
        assertRefused(
                () -> JobDefinition.dailyTimeInterval(
                        "d", "p", LocalTime.of(17, 0), LocalTime.of(9, 0), Duration.ofHours(1)),
                "dayEnd: is before dayStart");
        assertRefused(
                () -> JobDefinition.dailyTimeInterval(
                        "d", "p", LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofMillis(1500)),
                "whole number of seconds");
        assertRefused(
                () -> new JobDefinition(
                        "d",
                        "p",
                        ScheduleType.DAILY_TIME_INTERVAL,
                        null,
                        null,
                        null,
                        true,
                        "PT1H",
                        null,
                        null,
                        null,
                        null,
                        "nine",
                        "17:00",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                "dayStart: 'nine' is not a time of day");
        assertRefused(() -> JobDefinition.cron("c", "p", "0 * * * * *").withTimeZone("Mars/Base"), "timeZone");
    }

    @Test
    void a_schedule_that_never_fires_is_refused() {
        assertRefused(
                () -> JobDefinition.fixedRate("r", "p", Duration.ofSeconds(5)).withWindow(null, NOW.minusSeconds(60)),
                "endAt: the schedule never fires");
        assertRefused(
                () -> JobDefinition.fixedRate("r", "p", Duration.ofSeconds(5)).withWindow(NOW, NOW.minusSeconds(1)),
                "endAt: is before startAt");
    }

    private static JobDefinition withInterval(String interval) {
        return new JobDefinition(
                "r",
                "p",
                ScheduleType.FIXED_RATE,
                null,
                null,
                null,
                true,
                interval,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static ScheduleSpec read(JobDefinition definition) {
        return ScheduleDefinitions.read(definition, NOW);
    }

    private static void assertRefused(Supplier<JobDefinition> definition, String message) {
        assertThatThrownBy(() -> read(definition.get()))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining(message);
    }
}
