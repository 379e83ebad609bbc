package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueWorkTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final DueWork due = new DueWork();

    @Test
    void an_app_never_checked_is_due_at_once() {
        assertThat(due.jobsDue("billing", T0)).isTrue();
        assertThat(due.takeDispatchDue("billing", T0)).isTrue();
    }

    @Test
    void jobs_are_looked_at_again_at_the_next_fire_time() {
        due.jobsChecked("billing", T0, T0.plusMillis(300));

        assertThat(due.jobsDue("billing", T0.plusMillis(299))).isFalse();
        assertThat(due.jobsDue("billing", T0.plusMillis(300))).isTrue();
    }

    @Test
    void a_look_sooner_than_the_recheck_rings_the_alarm_at_its_time() {
        List<Instant> rung = new ArrayList<>();
        due.onEarlierLook(rung::add);

        due.jobsChecked("billing", T0, T0.plusMillis(300));
        due.jobsChecked("payroll", T0, T0.plusSeconds(60));
        due.jobsChecked("audit", T0, null);

        assertThat(rung).containsExactly(T0.plusMillis(300));
    }

    @Test
    void jobs_are_looked_at_again_within_a_second_even_if_nothing_fires_sooner() {
        due.jobsChecked("billing", T0, null);
        assertThat(due.jobsDue("billing", T0.plusMillis(DueWork.RECHECK_MILLIS - 1)))
                .isFalse();
        assertThat(due.jobsDue("billing", T0.plusMillis(DueWork.RECHECK_MILLIS)))
                .isTrue();

        due.jobsChecked("billing", T0, T0.plusSeconds(3600));
        assertThat(due.jobsDue("billing", T0.plusMillis(DueWork.RECHECK_MILLIS)))
                .isTrue();
    }

    @Test
    void a_changed_job_is_looked_at_on_the_next_tick() {
        due.jobsChecked("billing", T0, T0.plusSeconds(60));

        due.jobsChanged("billing");

        assertThat(due.jobsDue("billing", T0.plusMillis(1))).isTrue();
    }

    @Test
    void dispatch_is_tried_when_work_is_signalled_and_otherwise_once_a_second() {
        assertThat(due.takeDispatchDue("billing", T0)).isTrue();
        assertThat(due.takeDispatchDue("billing", T0.plusMillis(100))).isFalse();

        due.workWaiting("billing");
        assertThat(due.takeDispatchDue("billing", T0.plusMillis(200))).isTrue();
        assertThat(due.takeDispatchDue("billing", T0.plusMillis(300)))
                .as("signal consumed")
                .isFalse();
        assertThat(due.takeDispatchDue("billing", T0.plusMillis(200 + DueWork.RECHECK_MILLIS)))
                .isTrue();
    }

    @Test
    void a_forgotten_app_starts_afresh() {
        due.jobsChecked("billing", T0, T0.plusSeconds(60));
        due.takeDispatchDue("billing", T0);

        due.forget("billing");

        assertThat(due.jobsDue("billing", T0)).isTrue();
        assertThat(due.takeDispatchDue("billing", T0)).isTrue();
    }
}
