package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Bystander.advanceHearing;
import static io.campanile.scheduler.testing.Heartbeats.aHeartbeat;
import static io.campanile.scheduler.testing.Ids.withId;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ScheduleType;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.testing.InMemoryInstances;
import io.campanile.scheduler.testing.InMemoryJobs;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnplaceableWorkTest {

    private static final String APP = "billing";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final long HELD_LONG = 120_000;

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryInstances instances = new InMemoryInstances();
    private final InMemoryJobs jobs = new InMemoryJobs();
    private final WorkerRegistry registry = new WorkerRegistry(clock);
    private final SchedulerSettings settings = SchedulerSettings.defaults();
    private final UnplaceableWork unplaceable = new UnplaceableWork(instances, jobs, registry, settings, clock);
    private final Job report =
            withId(new Job(APP, "report", "ReportProcessor", ScheduleType.API, null, "UTC", null, true, NOW), 42L);

    @BeforeEach
    void setUp() {
        jobs.add(report);
    }

    @Test
    void an_instance_due_longer_than_the_wait_that_no_live_worker_may_run_fails_naming_why() {
        heartbeat("mailer", List.of("MailProcessor"));
        instances.due(instance(1, NOW.minusMillis(settings.noWorkerWaitMillis() + 1)));
        instances.due(instance(2, NOW.minusMillis(settings.noWorkerWaitMillis() - 1000)));

        assertThat(unplaceable.fail(APP, HELD_LONG)).isEqualTo(1);
        assertThat(instances.failed)
                .containsExactly("1/1: no live worker of app billing has processor 'ReportProcessor' within 60000 ms"
                        + " of the instance being due");
    }

    @Test
    void without_any_live_worker_the_reason_says_so() {
        instances.due(instance(1, NOW.minusSeconds(600)));

        assertThat(unplaceable.fail(APP, HELD_LONG)).isEqualTo(1);
        assertThat(instances.failed).singleElement().asString().contains("no live worker of app billing within");
    }

    @Test
    void nothing_fails_while_a_live_worker_may_run_it_or_before_the_owner_held_the_app_for_the_wait() {
        instances.due(instance(1, NOW.minusSeconds(600)));

        assertThat(unplaceable.fail(APP, settings.noWorkerWaitMillis() - 1))
                .as("a new owner has heard no worker yet")
                .isZero();
        heartbeat("reporter", List.of("ReportProcessor"));
        assertThat(unplaceable.fail(APP, HELD_LONG)).isZero();
        assertThat(instances.failed).isEmpty();
    }

    @Test
    void looks_at_most_every_five_seconds() {
        instances.due(instance(1, NOW.minusSeconds(600)));
        heartbeat("reporter", List.of("ReportProcessor"));
        assertThat(unplaceable.fail(APP, HELD_LONG)).isZero();
        advanceHearing(clock, registry, UnplaceableWork.LOOK_EVERY_MILLIS);

        assertThat(unplaceable.fail(APP, HELD_LONG))
                .as("the worker is lost by now")
                .isEqualTo(1);
        instances.due(instance(2, NOW.minusSeconds(600)));
        advanceHearing(clock, registry, UnplaceableWork.LOOK_EVERY_MILLIS - 1);
        assertThat(unplaceable.fail(APP, HELD_LONG)).isZero();
        advanceHearing(clock, registry, 1);
        assertThat(unplaceable.fail(APP, HELD_LONG)).isEqualTo(1);
    }

    private void heartbeat(String workerId, List<String> processors) {
        registry.record(APP, aHeartbeat(workerId).processors(processors).build());
    }

    private JobInstance instance(long id, Instant fireTime) {
        return withId(JobInstance.scheduled(report, fireTime, 1, "server-a", NOW), id);
    }
}
