package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Heartbeats.aHeartbeat;
import static io.campanile.scheduler.testing.Ids.withId;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ScheduleType;
import io.campanile.api.protocol.Assignment;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.testing.InMemoryInstances;
import io.campanile.scheduler.testing.InMemoryJobs;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignWorkTest {

    private static final String APP = "billing";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final MutableClock databaseClock = new MutableClock(NOW);
    private final ServerIdentity me = new ServerIdentity("server-a", "http://a");
    private final InMemoryJobs jobs = new InMemoryJobs();
    private final InMemoryInstances instances = new InMemoryInstances();
    private final HandedOut handedOut = new HandedOut(databaseClock);
    private final DueWork dueWork = new DueWork();
    private final WorkerRegistry registry = new WorkerRegistry(databaseClock);
    private final AssignWork assignWork = new AssignWork(
            jobs, instances, handedOut, dueWork, registry, SchedulerSettings.defaults(), SchedulerMetrics.NONE);
    private final Job nightly = withId(
            new Job(APP, "nightly", "ReportProcessor", ScheduleType.API, null, "UTC", "{\"day\":1}", true, NOW), 42L);
    private long epoch;

    @BeforeEach
    void ownTheApp() {
        epoch = 1;
        jobs.add(nightly);
    }

    @Test
    void an_instance_handed_out_is_not_handed_out_again_until_settled_or_its_worker_polls_again() {
        instances.due(anInstance(1));
        instances.due(anInstance(2));

        var first = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 1)), NOW);
        var second = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w2", 5)), NOW);
        var third = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w3", 5)), NOW);
        handedOut.releaseWorker(APP, "w1");
        var fourth = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w3", 5)), NOW);
        handedOut.settle(APP, List.of(2L));
        var fifth = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w4", 5)), NOW);

        assertThat(first.get("w1")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(second.get("w2")).extracting(Assignment::instanceId).containsExactly(2L);
        assertThat(third).isEmpty();
        assertThat(fourth.get("w3")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(fifth.get("w4")).extracting(Assignment::instanceId).containsExactly(2L);
    }

    @Test
    void hand_outs_to_lost_workers_and_stale_ones_are_freed() {
        instances.due(anInstance(1));
        instances.due(anInstance(2));
        assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("alive", 1)), NOW);
        assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("lost", 1)), NOW);

        assertThat(handedOut.releaseStale(APP, 30_000, w -> !w.equals("lost"))).isEqualTo(1);
        assertThat(handedOut.ids(APP)).containsExactly(1L);
        databaseClock.advanceMillis(30_000);
        assertThat(handedOut.releaseStale(APP, 30_000, w -> true)).isEqualTo(1);
        assertThat(handedOut.ids(APP)).isEmpty();
    }

    @Test
    void asks_for_no_more_due_instances_than_the_slots_can_take() {
        for (long id = 1; id <= 10; id++) {
            instances.due(anInstance(id));
        }

        Map<String, List<Assignment>> plan =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 2), new AssignWork.Slot("w2", 3)), NOW);

        assertThat(instances.requestedLimits).containsExactly(5);
        assertThat(plan.get("w1")).hasSize(2);
        assertThat(plan.get("w2")).hasSize(3);
    }

    @Test
    void spreads_work_evenly_preferring_the_first_slots() {
        instances.due(anInstance(1));
        instances.due(anInstance(2));
        instances.due(anInstance(3));

        Map<String, List<Assignment>> plan =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 2), new AssignWork.Slot("w2", 2)), NOW);

        assertThat(plan.keySet()).containsExactly("w1", "w2");
        assertThat(plan.get("w1")).extracting(Assignment::instanceId).containsExactly(1L, 3L);
        assertThat(plan.get("w2")).extracting(Assignment::instanceId).containsExactly(2L);
    }

    @Test
    void a_full_slot_gets_no_more_work() {
        instances.due(anInstance(1));
        instances.due(anInstance(2));
        instances.due(anInstance(3));

        Map<String, List<Assignment>> plan =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 1), new AssignWork.Slot("w2", 2)), NOW);

        assertThat(plan.get("w1")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(plan.get("w2")).extracting(Assignment::instanceId).containsExactly(2L, 3L);
    }

    @Test
    void huge_capacities_do_not_overflow_into_no_work() {
        instances.due(anInstance(1));
        instances.due(anInstance(2));

        Map<String, List<Assignment>> plan = assignWork.assign(
                APP,
                epoch,
                List.of(new AssignWork.Slot("w1", Integer.MAX_VALUE), new AssignWork.Slot("w2", Integer.MAX_VALUE)),
                NOW);

        assertThat(instances.requestedLimits).containsExactly(AssignWork.MAX_PER_CALL);
        assertThat(plan.values()).flatMap(list -> list).hasSize(2);
    }

    @Test
    void without_capacity_looks_for_no_work() {
        instances.due(anInstance(1));

        Map<String, List<Assignment>> plan = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 0)), NOW);

        assertThat(plan).isEmpty();
        assertThat(instances.requestedLimits).isEmpty();
    }

    @Test
    void an_assignment_carries_the_attempt_the_job_and_the_owners_epoch() {
        JobInstance instance = anInstance(7);
        instances.due(instance);

        Map<String, List<Assignment>> plan = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 1)), NOW);

        assertThat(plan.get("w1"))
                .containsExactly(new Assignment(
                        7,
                        1,
                        42,
                        "nightly",
                        "ReportProcessor",
                        instance.fireTime(),
                        epoch,
                        "{\"day\":1}",
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(handedOut.ids(APP)).containsExactly(7L);
    }

    @Test
    void hands_out_only_what_is_due_and_looks_again_when_the_next_waiting_instance_becomes_due() {
        instances.due(anInstance(1));
        instances.due(anInstance(2, NOW.plusMillis(300)));
        instances.due(anInstance(3, NOW.plusMillis(700)));
        assertThat(dueWork.takeDispatchDue(APP, NOW)).as("the periodic look").isTrue();

        Map<String, List<Assignment>> plan = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 5)), NOW);

        assertThat(plan.get("w1")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(instances.requestedLimits)
                .as("due now and soon, beyond what was handed out")
                .containsExactly(5);
        long lead = SchedulerSettings.defaults().leadMillis();
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(300 - lead - 1))).isFalse();
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(300 - lead)))
                .as("a lead before the next fire time (to hand it out ahead), not a second later")
                .isTrue();
    }

    @Test
    void work_due_within_the_lead_goes_ahead_only_to_a_worker_that_starts_it_on_time_and_says_when() {
        instances.due(anInstance(1));
        instances.due(anInstance(2, NOW.plusMillis(30)));
        instances.due(anInstance(3, NOW.plusMillis(200)));

        Map<String, List<Assignment>> plan = assignWork.assign(
                APP,
                epoch,
                List.of(new AssignWork.Slot("late", 5, false), new AssignWork.Slot("on-time", 5, true)),
                NOW);

        assertThat(plan.get("late")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(plan.get("on-time"))
                .as("due in 30 ms: handed out now, to start 30 ms after it arrives")
                .extracting(Assignment::instanceId, Assignment::startInMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 30L));
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(149))).isFalse();
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(150)))
                .as("the instance due at 200 ms is looked at a lead before")
                .isTrue();
    }

    @Test
    void work_within_the_lead_that_no_waiting_worker_may_take_ahead_is_looked_at_again_when_due_not_at_once() {
        instances.due(anInstance(1, NOW.plusMillis(30)));

        Map<String, List<Assignment>> plan =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("late", 5, false)), NOW);

        assertThat(plan).isEmpty();
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(29))).isFalse();
        assertThat(dueWork.takeDispatchDue(APP, NOW.plusMillis(30))).isTrue();
    }

    @Test
    void a_worker_that_starts_on_time_is_told_to_wait_out_the_clocks_uncertainty_so_none_starts_early() {
        instances.due(anInstance(1, NOW.minusMillis(2)));
        instances.due(anInstance(2, NOW.minusSeconds(10)));
        instances.due(anInstance(3, NOW.plusMillis(30)));

        Map<String, List<Assignment>> plan =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("on-time", 5, true)), NOW, 5);

        assertThat(plan.get("on-time"))
                .extracting(Assignment::instanceId, Assignment::startInMillis)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1L, 3L),
                        org.assertj.core.groups.Tuple.tuple(2L, null),
                        org.assertj.core.groups.Tuple.tuple(3L, 35L));
        assertThat(plan.get("on-time"))
                .as("the same start instants on the owner's clock, for a worker that reads it")
                .extracting(Assignment::instanceId, Assignment::startAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1L, NOW.plusMillis(3)),
                        org.assertj.core.groups.Tuple.tuple(2L, null),
                        org.assertj.core.groups.Tuple.tuple(3L, NOW.plusMillis(35)));
    }

    @Test
    void a_lead_of_zero_hands_out_only_what_is_due() {
        AssignWork noLead = new AssignWork(
                jobs,
                instances,
                handedOut,
                dueWork,
                registry,
                SchedulerSettings.defaults().withLeadMillis(0),
                SchedulerMetrics.NONE);
        instances.due(anInstance(1, NOW.plusMillis(1)));

        assertThat(noLead.assign(APP, epoch, List.of(new AssignWork.Slot("on-time", 5, true)), NOW))
                .isEmpty();
    }

    @Test
    void work_is_spread_over_the_waiting_workers_those_given_least_first_then_the_preferred() {
        for (long id = 1; id <= 7; id++) {
            instances.due(anInstance(id));
        }

        Map<String, List<Assignment>> plan = assignWork.assign(
                APP,
                epoch,
                List.of(new AssignWork.Slot("a", 2), new AssignWork.Slot("b", 5), new AssignWork.Slot("c", 5)),
                NOW);

        assertThat(plan.get("a")).extracting(Assignment::instanceId).containsExactly(1L, 4L);
        assertThat(plan.get("b")).extracting(Assignment::instanceId).containsExactly(2L, 5L, 7L);
        assertThat(plan.get("c")).extracting(Assignment::instanceId).containsExactly(3L, 6L);
    }

    @Test
    void an_instance_goes_only_to_a_worker_with_its_tag_and_waits_without_holding_up_the_others() {
        Job gpu = job(43, "render", r -> r.set(null, null, List.of("gpu"), null, null, null, null));
        heartbeat("plain", List.of(), List.of("ReportProcessor"));
        heartbeat("big", List.of("gpu"), List.of("ReportProcessor"));
        instances.due(anInstance(1, gpu));
        instances.due(anInstance(2));
        instances.due(anInstance(3, gpu));

        var toPlain = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("plain", 5)), NOW);
        var toBig = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("big", 5)), NOW);

        assertThat(toPlain.get("plain")).extracting(Assignment::instanceId).containsExactly(2L);
        assertThat(toBig.get("big")).extracting(Assignment::instanceId).containsExactly(1L, 3L);
    }

    @Test
    void a_worker_without_the_jobs_processor_gets_none_of_its_instances() {
        heartbeat("mailer", List.of(), List.of("MailProcessor"));
        heartbeat("reporter", List.of(), List.of("ReportProcessor"));
        instances.due(anInstance(1));
        instances.due(anInstance(2));

        var plan = assignWork.assign(
                APP, epoch, List.of(new AssignWork.Slot("mailer", 5), new AssignWork.Slot("reporter", 5)), NOW);

        assertThat(plan.keySet()).containsExactly("reporter");
        assertThat(plan.get("reporter")).extracting(Assignment::instanceId).containsExactly(1L, 2L);
    }

    @Test
    void a_designated_worker_id_and_a_free_heap_filter_narrow_the_workers() {
        Job picky = job(44, "picky", r -> r.set(null, List.of("w2", "w3"), null, 100L, null, null, null));
        heartbeat("w1", List.of(), null, 512L << 20);
        heartbeat("w2", List.of(), null, 50L << 20);
        heartbeat("w3", List.of(), null, 512L << 20);
        instances.due(anInstance(1, picky));

        var plan = assignWork.assign(
                APP,
                epoch,
                List.of(new AssignWork.Slot("w1", 5), new AssignWork.Slot("w2", 5), new AssignWork.Slot("w3", 5)),
                NOW);

        assertThat(plan.keySet()).containsExactly("w3");
    }

    @Test
    void max_workers_keeps_a_jobs_instances_on_that_many_workers_counting_those_handed_out() {
        Job narrow = job(45, "narrow", r -> r.set(null, null, null, null, null, null, 1));
        instances.due(anInstance(1, narrow));
        instances.due(anInstance(2, narrow));
        instances.due(anInstance(3, narrow));

        var first =
                assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 1), new AssignWork.Slot("w2", 5)), NOW);
        var second = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w2", 5)), NOW);
        var third = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("w1", 5)), NOW);

        assertThat(first.keySet()).containsExactly("w1");
        assertThat(first.get("w1")).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(second).as("w1 still holds the job's hand-out").isEmpty();
        assertThat(third.get("w1")).extracting(Assignment::instanceId).containsExactly(2L, 3L);
    }

    @Test
    void instances_kept_back_by_routing_make_it_look_further_for_work_the_waiting_workers_may_run() {
        Job gpu = job(43, "render", r -> r.set(null, null, List.of("gpu"), null, null, null, null));
        for (long id = 1; id <= 4; id++) {
            instances.due(anInstance(id, gpu));
        }
        instances.due(anInstance(5));

        var plan = assignWork.assign(APP, epoch, List.of(new AssignWork.Slot("plain", 2)), NOW);

        assertThat(plan.get("plain")).extracting(Assignment::instanceId).containsExactly(5L);
        assertThat(instances.requestedLimits).hasSize(2);
    }

    private Job job(
            long id, String name, java.util.function.Consumer<io.campanile.scheduler.domain.job.Routing> routing) {
        Job job = withId(new Job(APP, name, "ReportProcessor", ScheduleType.API, null, "UTC", null, true, NOW), id);
        routing.accept(job.routing());
        jobs.add(job);
        return job;
    }

    private void heartbeat(String workerId, List<String> tags, List<String> processors) {
        heartbeat(workerId, tags, processors, 512L << 20);
    }

    private void heartbeat(String workerId, List<String> tags, List<String> processors, long freeHeap) {
        registry.record(
                APP,
                aHeartbeat(workerId)
                        .heap(freeHeap, 1024L << 20)
                        .epochSeen(epoch)
                        .processors(processors)
                        .heartbeatMillis(1000)
                        .tags(tags)
                        .build());
    }

    private JobInstance anInstance(long id, Job job) {
        return withId(JobInstance.scheduled(job, NOW.minusSeconds(60 - id), epoch, me.id(), NOW), id);
    }

    private JobInstance anInstance(long id) {
        return anInstance(id, NOW.minusSeconds(60 - id));
    }

    private JobInstance anInstance(long id, Instant fireTime) {
        return withId(JobInstance.scheduled(nightly, fireTime, epoch, me.id(), NOW), id);
    }
}
