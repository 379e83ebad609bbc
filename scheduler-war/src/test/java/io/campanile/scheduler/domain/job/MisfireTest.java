package io.campanile.scheduler.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.GapRule;
import io.campanile.api.MisfirePolicy;
import io.campanile.scheduler.domain.schedule.CronSchedule;
import io.campanile.scheduler.domain.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MisfireTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00.250Z");
    private static final Instant MISSED_BEFORE = NOW.minusSeconds(1);

    @Test
    void the_latest_fire_time_before_an_instant_is_found_for_dense_and_sparse_schedules() {
        assertThat(Misfire.latestBefore(cron("* * * * * *"), MISSED_BEFORE))
                .contains(Instant.parse("2027-06-01T11:59:59Z"));
        assertThat(Misfire.latestBefore(cron("0 0 3 1 1 *"), MISSED_BEFORE))
                .as("a yearly job")
                .contains(Instant.parse("2027-01-01T03:00:00Z"));
        assertThat(Misfire.latestBefore(cron("* * * * * *"), Instant.parse("2027-06-01T11:59:59Z")))
                .as("strictly before")
                .contains(Instant.parse("2027-06-01T11:59:58Z"));
    }

    @Test
    void fire_all_without_a_window_skips_nothing() {
        Misfire plan = Misfire.plan(MisfirePolicy.FIRE_ALL, null, cron("* * * * * *"), MISSED_BEFORE, NOW);

        assertThat(plan.skips(NOW.minus(Duration.ofDays(300)))).isFalse();
    }

    @Test
    void fire_all_skips_what_is_older_than_its_window_and_never_a_fire_time_that_is_not_missed() {
        Misfire wide =
                Misfire.plan(MisfirePolicy.FIRE_ALL, Duration.ofMinutes(5), cron("* * * * * *"), MISSED_BEFORE, NOW);
        Misfire narrow =
                Misfire.plan(MisfirePolicy.FIRE_ALL, Duration.ofMillis(10), cron("* * * * * *"), MISSED_BEFORE, NOW);

        assertThat(wide.skips(NOW.minusSeconds(301))).isTrue();
        assertThat(wide.skips(NOW.minusSeconds(299))).isFalse();
        assertThat(narrow.skips(MISSED_BEFORE)).as("not missed: runs on time").isFalse();
        assertThat(narrow.skips(MISSED_BEFORE.minusMillis(1))).isTrue();
    }

    @Test
    void fire_once_keeps_only_the_latest_missed_fire_time() {
        Misfire plan = Misfire.plan(MisfirePolicy.FIRE_ONCE, null, cron("0 * * * * *"), MISSED_BEFORE, NOW);

        assertThat(plan.skips(Instant.parse("2027-06-01T11:58:00Z"))).isTrue();
        assertThat(plan.skips(Instant.parse("2027-06-01T11:59:00Z"))).isFalse();
        assertThat(plan.reason()).contains("2027-06-01T11:59:00Z");
    }

    @Test
    void skip_skips_every_missed_fire_time() {
        Misfire plan = Misfire.plan(MisfirePolicy.SKIP, null, cron("* * * * * *"), MISSED_BEFORE, NOW);

        assertThat(plan.skips(MISSED_BEFORE.minusNanos(1))).isTrue();
        assertThat(plan.skips(MISSED_BEFORE)).isFalse();
        assertThat(plan.reason()).contains("SKIP");
    }

    private static Schedule cron(String expression) {
        return CronSchedule.parse(expression, ZoneId.of("UTC"), GapRule.FIRE_AFTER_GAP);
    }
}
