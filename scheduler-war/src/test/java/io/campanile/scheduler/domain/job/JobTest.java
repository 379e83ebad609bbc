package io.campanile.scheduler.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.ScheduleType;
import io.campanile.scheduler.domain.schedule.Schedule;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import io.campanile.scheduler.domain.schedule.ScheduleSpecBuilder;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobTest {

    private static final Instant CREATED = Instant.parse("2027-05-03T10:00:00.300Z");

    @Test
    void a_redefined_job_follows_its_new_schedule_from_now_and_never_refires_an_accounted_time() {
        Job job = cron("0 * * * * *");
        Schedule schedule = job.schedule().orElseThrow();
        job.advancePast(Instant.parse("2027-05-03T10:01:00Z"), schedule);

        // redefined "every second" at 10:00:59.5, before the fire of 10:01:00 it already created
        job.redefine("other", spec("* * * * * *"), "{}", Instant.parse("2027-05-03T10:00:59.500Z"));

        assertThat(job.nextFireTime()).contains(Instant.parse("2027-05-03T10:01:01Z"));
        assertThat(job.schedule().orElseThrow().nextTimeAfter(Instant.parse("2027-05-03T10:01:01Z")))
                .as("the schedule parsed before the change is not kept")
                .contains(Instant.parse("2027-05-03T10:01:02Z"));
        assertThat(job.processor()).isEqualTo("other");
        assertThat(job.revision()).isEqualTo(2);
    }

    @Test
    void a_paused_job_that_never_fired_does_not_fire_and_resumes_from_now_with_its_note_gone() {
        Job job = cron("0 * * * * *");

        job.pause("maintenance window", CREATED.plusSeconds(5));

        assertThat(job.enabled()).isFalse();
        assertThat(job.nextFireTime()).isEmpty();
        assertThat(job.pausedNote()).contains("maintenance window");

        job.resume(Instant.parse("2027-05-03T10:30:30Z"));

        assertThat(job.nextFireTime())
                .as("the fires of the pause are not created")
                .contains(Instant.parse("2027-05-03T10:31:00Z"));
        assertThat(job.pausedNote()).isEmpty();
        assertThat(job.revision()).isEqualTo(3);
    }

    @Test
    void a_resumed_job_that_fired_before_its_pause_takes_its_next_fire_after_the_last_one_its_misfire_policy_decides() {
        Job job = cron("0 * * * * *");
        job.advancePast(Instant.parse("2027-05-03T10:01:00Z"), job.schedule().orElseThrow());
        job.pause(null, Instant.parse("2027-05-03T10:01:30Z"));

        job.resume(Instant.parse("2027-05-03T10:30:30Z"));

        assertThat(job.nextFireTime())
                .as("the first fire time of the pause: a missed one")
                .contains(Instant.parse("2027-05-03T10:02:00Z"));
    }

    @Test
    void a_deleted_job_stops_firing_frees_its_name_and_cannot_be_changed() throws Exception {
        Job job = cron("0 * * * * *");
        identify(job, 42);

        job.delete(CREATED.plusSeconds(1));

        assertThat(job.deleted()).isTrue();
        assertThat(job.nextFireTime()).isEmpty();
        assertThat(job.deletedAt()).contains(CREATED.plusSeconds(1));
        assertThatThrownBy(() -> job.resume(CREATED.plusSeconds(2))).hasMessageContaining("deleted");
    }

    @Test
    void a_fixed_rate_job_redefined_keeps_to_its_new_lattice() {
        Job job = new Job(
                "app",
                "rate",
                "p",
                ScheduleSpecBuilder.fixedRate(Duration.ofSeconds(10)).build(),
                null,
                true,
                CREATED);
        assertThat(job.nextFireTime()).contains(Instant.parse("2027-05-03T10:00:10Z"));

        job.redefine("p", ScheduleSpecBuilder.fixedRate(Duration.ofSeconds(3)).build(), null, CREATED.plusSeconds(1));

        assertThat(job.nextFireTime()).contains(Instant.parse("2027-05-03T10:00:03Z"));
    }

    private static Job cron(String expression) {
        return new Job("app", "job", "p", spec(expression), null, true, CREATED);
    }

    private static ScheduleSpec spec(String expression) {
        return ScheduleSpec.of(ScheduleType.CRON, expression, ZoneOffset.UTC);
    }

    private static void identify(Job job, long id) throws ReflectiveOperationException {
        Field field = Job.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(job, id);
    }
}
