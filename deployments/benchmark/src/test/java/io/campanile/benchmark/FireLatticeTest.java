package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FireLatticeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static final FireLattice ISSUE = FireLattice.spread(T0, 1_000, Duration.ofSeconds(20), 50);

    private static Execution call(Instant scheduled) {
        return new Execution("17", 1, scheduled, scheduled.plusMillis(3));
    }

    @Test
    void a_thousand_fires_over_twenty_seconds_by_fifty_jobs_fire_every_20_ms_each_job_every_second() {
        assertThat(ISSUE.step()).isEqualTo(Duration.ofMillis(20));
        assertThat(ISSUE.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ISSUE.instants()).hasSize(1_000).startsWith(T0, T0.plusMillis(20));
        assertThat(ISSUE.last()).isEqualTo(T0.plusMillis(19_980));
        assertThat(ISSUE.firesOf(0)).isEqualTo(20);
        assertThat(ISSUE.startOf(7)).isEqualTo(T0.plusMillis(140));
        assertThat(ISSUE.endOf(7)).isEqualTo(T0.plusMillis(140 + 19_000));
    }

    @Test
    void the_jobs_fire_times_together_are_the_lattice_each_instant_once() {
        FireLattice uneven = FireLattice.spread(T0, 43, Duration.ofSeconds(3), 10);
        List<Instant> fromJobs = new ArrayList<>();
        for (int job = 0; job < uneven.jobs(); job++) {
            for (Instant t = uneven.startOf(job); !t.isAfter(uneven.endOf(job)); t = t.plus(uneven.interval())) {
                fromJobs.add(t);
                assertThat(uneven.jobAt(t)).hasValue(job);
            }
        }
        assertThat(fromJobs).hasSize(43).doesNotHaveDuplicates();
        assertThat(new HashSet<>(fromJobs)).isEqualTo(new HashSet<>(uneven.instants()));
        assertThat(uneven.firesOf(2)).isEqualTo(5);
        assertThat(uneven.firesOf(3)).isEqualTo(4);
    }

    @Test
    void a_job_is_a_fixed_rate_anchored_at_its_first_fire_and_ending_at_its_last() {
        JobDefinition job = ISSUE.job(3, "fire-3", "bench");

        assertThat(job.scheduleType()).isEqualTo(ScheduleType.FIXED_RATE);
        assertThat(job.interval()).isEqualTo("PT1S");
        assertThat(job.startAt()).isEqualTo(T0.plusMillis(60));
        assertThat(job.endAt()).isEqualTo(T0.plusMillis(60 + 19_000));
        assertThat(job.processor()).isEqualTo("bench");
    }

    @Test
    void a_call_is_keyed_by_its_scheduled_instant_as_the_lattice_keys_its_fires() {
        Set<String> keys = ISSUE.keys();

        assertThat(keys).hasSize(1_000).contains(FireLattice.keyOf(call(T0.plusMillis(40))));
        assertThat(keys).doesNotContain(FireLattice.keyOf(call(T0.plusMillis(41))));
    }

    @Test
    void only_calls_inside_the_window_at_no_fire_time_are_off_the_lattice() {
        List<Execution> calls = List.of(
                call(T0), // a fire
                call(T0.plusMillis(10)), // between two fires
                call(T0.plusMillis(19_980)), // the last fire
                call(T0.minusSeconds(5)), // another run of the app, before the window
                call(T0.plusSeconds(25))); // after it

        assertThat(ISSUE.offLattice(calls)).isEqualTo(1);
        assertThat(ISSUE.jobAt(T0.plusMillis(10))).isEmpty();
        assertThat(ISSUE.jobAt(T0.plusSeconds(25))).isEmpty();
    }

    @Test
    void more_jobs_than_fires_are_cut_to_one_job_a_fire_and_the_start_to_whole_milliseconds() {
        FireLattice few = FireLattice.spread(T0.plusNanos(1_234_567), 4, Duration.ofSeconds(2), 50);

        assertThat(few.jobs()).isEqualTo(4);
        assertThat(few.first()).isEqualTo(T0.plusMillis(1));
        assertThat(few.firesOf(3)).isEqualTo(1);
        assertThat(few.endOf(3)).isEqualTo(few.startOf(3));
    }

    @Test
    void an_interval_the_scheduler_would_refuse_is_refused_here() {
        assertThatThrownBy(() -> FireLattice.spread(T0, 1_000, Duration.ofSeconds(20), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval under PT0.1S");
        assertThatThrownBy(() -> FireLattice.spread(T0, 1_000, Duration.ofMillis(500), 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole milliseconds");
    }
}
