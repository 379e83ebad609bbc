package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSpecTest {

    private static final Instant T = Instant.parse("2026-05-04T10:00:00Z");

    @Test
    void a_fixed_rate_without_a_start_is_anchored_at_the_epoch_so_every_server_computes_the_same_lattice() {
        Schedule everySevenSeconds = spec(ScheduleType.FIXED_RATE, Duration.ofSeconds(7), null, null, null)
                .schedule()
                .orElseThrow();

        Instant next = everySevenSeconds.nextTimeAfter(T).orElseThrow();

        assertThat(next.getEpochSecond() % 7).isZero();
        assertThat(Duration.between(T, next)).isLessThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void a_fixed_rate_is_anchored_at_its_start_which_fires_and_stops_after_its_end() {
        Instant start = T.plusMillis(250);
        Schedule rate = spec(ScheduleType.FIXED_RATE, Duration.ofSeconds(10), start, start.plusSeconds(30), null)
                .schedule()
                .orElseThrow();

        assertThat(times(rate, T, 10))
                .containsExactly(start, start.plusSeconds(10), start.plusSeconds(20), start.plusSeconds(30));
    }

    @Test
    void a_one_off_fires_once_even_when_its_instant_passed_before_the_job_was_created() {
        ScheduleSpec oneOff = spec(ScheduleType.ONE_OFF, null, null, null, T.minusSeconds(5));
        Schedule schedule = oneOff.schedule().orElseThrow();

        Instant from = oneOff.firstFrom(T);

        assertThat(schedule.firstFrom(from).orElseThrow().at()).isEqualTo(T.minusSeconds(5));
        assertThat(schedule.nextAfter(T.minusSeconds(5))).isEmpty();
    }

    @Test
    void a_cron_job_starts_at_its_start_instant() {
        ScheduleSpec spec = ScheduleSpecBuilder.cron("0 0 * * * *")
                .startAt(T.plusSeconds(5400))
                .build();

        assertThat(spec.schedule().orElseThrow().nextTimeAfter(T)).contains(T.plusSeconds(7200));
    }

    @Test
    void a_daily_time_interval_on_weekdays() {
        ScheduleSpec spec = ScheduleSpecBuilder.dailyTimeInterval(
                        LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofHours(4))
                .in(ZoneId.of("Europe/Paris"))
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
                .gapRule(GapRule.FIRE_AFTER_GAP)
                .build();

        // Friday 8 May 2026, 16:00 in Paris; then Monday
        assertThat(times(spec.schedule().orElseThrow(), Instant.parse("2026-05-08T13:30:00Z"), 2))
                .containsExactly(Instant.parse("2026-05-08T15:00:00Z"), Instant.parse("2026-05-11T07:00:00Z"));
    }

    @Test
    void an_api_job_has_no_fire_times() {
        assertThat(ScheduleSpec.of(ScheduleType.API, null, ZoneOffset.UTC).schedule())
                .isEmpty();
    }

    private static ScheduleSpec spec(ScheduleType type, Duration interval, Instant start, Instant end, Instant runAt) {
        return ScheduleSpecBuilder.ofType(type)
                .interval(interval)
                .startAt(start)
                .endAt(end)
                .runAt(runAt)
                .build();
    }

    private static List<Instant> times(Schedule schedule, Instant after, int most) {
        List<Instant> times = new ArrayList<>();
        Instant from = after;
        while (times.size() < most) {
            Instant next = schedule.nextTimeAfter(from).orElse(null);
            if (next == null) {
                break;
            }
            times.add(next);
            from = next;
        }
        return times;
    }
}
