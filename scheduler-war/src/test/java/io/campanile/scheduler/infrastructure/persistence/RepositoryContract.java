package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.GapRule;
import io.campanile.api.InstanceState;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.RunLog;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.LogLine;
import io.campanile.scheduler.application.AssignWork;
import io.campanile.scheduler.application.BufferedApps;
import io.campanile.scheduler.application.CreateRun;
import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.FencedOut;
import io.campanile.scheduler.application.FireDueJobs;
import io.campanile.scheduler.application.FixedDelayFires;
import io.campanile.scheduler.application.HandedOut;
import io.campanile.scheduler.application.OverlapGate;
import io.campanile.scheduler.application.OwnerFence;
import io.campanile.scheduler.application.ReleaseBuffered;
import io.campanile.scheduler.application.SchedulerMetrics;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.StoreRunLogs;
import io.campanile.scheduler.application.WorkerRegistry;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.OwnershipChange;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerNode;
import io.campanile.scheduler.domain.election.TakeOver;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptOutcome;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.InstanceMove;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.Routing;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import io.campanile.scheduler.domain.schedule.ScheduleSpecBuilder;
import io.campanile.scheduler.domain.time.MonotonicClock;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordination contract of the JPA repositories, written once and run against each database
 * (H2 in {@code H2RepositoryContractTest}, PostgreSQL in {@code PostgresRepositoryContractIT}).
 */
abstract class RepositoryContract {

    private static final long LONG_LEASE = 60_000;
    private static final ServerIdentity A = new ServerIdentity("server-a", "http://127.0.0.1:1/a");
    private static final ServerIdentity B = new ServerIdentity("server-b", "http://127.0.0.1:2/b");

    private static TestDatabase db;
    private String app;

    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void registerApp() {
        app = "app-" + System.nanoTime();
        db.addApp(app);
    }

    @Test
    void an_unclaimed_app_is_claimed_once_at_epoch_1_and_recorded() {
        assertThat(takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE))
                .isTrue();
        assertThat(takeOver(B, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE))
                .isFalse();

        Ownership o = ownership();
        assertThat(o.ownerId()).isEqualTo(A.id());
        assertThat(o.epoch()).isEqualTo(1);
        assertThat(o.leaseValid()).isTrue();
        assertThat(db.<List<OwnershipChange>>tx(em -> new JpaOwnershipRepository(em, db.dialect()).history(10)))
                .anySatisfy(h -> {
                    assertThat(h.appName()).isEqualTo(app);
                    assertThat(h.newOwnerId()).isEqualTo(A.id());
                    assertThat(h.reason()).isEqualTo(OwnershipChangeReason.FIRST_CLAIM);
                });
    }

    @Test
    void a_valid_lease_cannot_be_usurped_but_an_expired_one_can() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        assertThat(takeOver(B, 1, A.id(), OwnershipChangeReason.LEASE_EXPIRED, LONG_LEASE))
                .isFalse();

        db.run(em -> new JpaOwnershipRepository(em, db.dialect()).renew(app, A.id(), 1, -1000));
        assertThat(ownership().leaseValid()).isFalse();
        assertThat(orphans()).contains(app);
        assertThat(takeOver(B, 1, A.id(), OwnershipChangeReason.LEASE_EXPIRED, LONG_LEASE))
                .isTrue();
        assertThat(ownership().epoch()).isEqualTo(2);
        assertThat(ownership().ownerId()).isEqualTo(B.id());
    }

    @Test
    void a_disowned_app_moves_only_from_the_named_owner_at_its_epoch() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        assertThat(takeOver(B, 1, "someone-else", OwnershipChangeReason.OWNER_DISOWNED, LONG_LEASE))
                .isFalse();
        assertThat(takeOver(B, 0, A.id(), OwnershipChangeReason.HANDOFF, LONG_LEASE))
                .isFalse();
        assertThat(takeOver(B, 1, A.id(), OwnershipChangeReason.HANDOFF, LONG_LEASE))
                .isTrue();
        assertThat(ownership().epoch()).isEqualTo(2);
    }

    @Test
    void the_deposed_owner_can_no_longer_renew_or_fence() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        takeOver(B, 1, A.id(), OwnershipChangeReason.OWNER_DISOWNED, LONG_LEASE);

        assertThat(db.<Boolean>tx(em -> new JpaOwnershipRepository(em, db.dialect()).renew(app, A.id(), 1, LONG_LEASE)))
                .isFalse();
        assertThat(db.<Boolean>tx(em -> new JpaOwnershipRepository(em, db.dialect()).fence(app, A.id(), 1)))
                .isFalse();
        assertThat(db.<Boolean>tx(em -> new JpaOwnershipRepository(em, db.dialect()).fence(app, B.id(), 2)))
                .isTrue();
    }

    @Test
    void of_concurrent_takeovers_at_the_same_epoch_exactly_one_wins() throws Exception {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, -1000);
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Boolean>> results = IntStream.range(0, contenders)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        ServerIdentity s = new ServerIdentity("contender-" + i, "http://127.0.0.1:3/" + i);
                        try {
                            return takeOver(s, 1, A.id(), OwnershipChangeReason.LEASE_EXPIRED, LONG_LEASE);
                        } catch (PersistenceException e) {
                            return false; // a lock conflict reported as an error also means it lost
                        }
                    }))
                    .toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(ownership().epoch()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_deposed_owner_cannot_create_instances_and_its_hand_outs_cannot_be_claimed() {
        Job job = addJob("every-second", "* * * * * *");
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        takeOver(B, 1, A.id(), OwnershipChangeReason.OWNER_DISOWNED, LONG_LEASE);
        Instant later = Instant.now().plusSeconds(5);

        assertThatThrownBy(() -> db.tx(em -> fireDueJobs(em, A).fire(app, 1, later)))
                .isInstanceOf(FencedOut.class);
        assertThat(instancesOf(job)).isEmpty();

        int created = db.tx(em -> fireDueJobs(em, B).fire(app, 2, later)).created();
        assertThat(created).isGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> db.tx(em -> createRun(em, A).create(job, 1, run("request-1"))))
                .isInstanceOf(FencedOut.class);
        assertThatThrownBy(() -> db.tx(em -> createRun(em, A).createBatch(job, 1, List.of(run("request-2")))))
                .isInstanceOf(FencedOut.class);
        // A still hands out what it sees (handing out writes nothing), but no claim under its epoch succeeds
        var handedByA = db.tx(em -> assignWork(em)
                .assign(app, 1, List.of(new AssignWork.Slot("worker-1", 10)), later)
                .get("worker-1"));
        assertThat(handedByA).isNotEmpty();
        List<Attempt> attempts = handedByA.stream()
                .map(a -> new Attempt(a.instanceId(), a.attempt()))
                .toList();
        assertThat(claim("worker-1", 1, attempts))
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(InstanceState.WAITING));
        assertThat(instancesOf(job)).hasSize(created).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(InstanceState.WAITING);
            assertThat(i.epoch()).isEqualTo(2);
            assertThat(i.ownerId()).isEqualTo(B.id());
        });

        assertThat(claim("worker-1", 2, attempts))
                .allSatisfy(s -> assertThat(s.isRunningOn(1, "worker-1", 2)).isTrue());
        assertThat(claim("worker-1", 1, attempts))
                .as("claimed under epoch 2: the same claim under epoch 1 is not the worker's")
                .allSatisfy(s -> assertThat(s.isRunningOn(1, "worker-1", 1)).isFalse());
    }

    @Test
    void each_fire_time_gets_exactly_one_instance_even_when_fired_twice() {
        Job job = addJob("every-second", "* * * * * *");
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        Instant later = Instant.now().plusSeconds(3);

        int first = db.tx(em -> fireDueJobs(em, A).fire(app, 1, later)).created();
        FireDueJobs.Fired again = db.tx(em -> fireDueJobs(em, A).fire(app, 1, later));
        int second = again.created();

        assertThat(first).isBetween(3, 4);
        assertThat(second).isZero();
        assertThat(again.nextFireTime())
                .as("the next fire time, for the tick to wait for")
                .isAfter(later);
        assertThat(instancesOf(job))
                .extracting(JobInstance::fireTime)
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Test
    void the_earliest_next_fire_of_many_apps_is_read_in_one_look() {
        addJob("yearly", "0 0 0 1 1 *", Instant.parse("2027-01-28T12:00:00Z"));
        addJob("daily", "0 0 3 * * *", Instant.parse("2027-01-28T12:00:00Z"));
        addJob("on-demand", null);

        Map<String, Instant> earliest =
                db.tx(em -> new JpaJobRepository(em).earliestNextFires(List.of(app, "no-such-app")));

        assertThat(earliest).containsOnlyKeys(app);
        assertThat(earliest.get(app)).isEqualTo(Instant.parse("2027-01-29T03:00:00Z"));
        assertThat(earliest.get(app))
                .isEqualTo(db.tx(em -> new JpaJobRepository(em).earliestNextFire(app))
                        .orElseThrow());
    }

    @Test
    void a_job_whose_schedule_cannot_be_computed_stops_alone_and_the_others_go_on_firing() {
        // 30W names a day February lacks: cron-utils fires on Friday 29 January 2027, then throws for February
        Job poison = addJob("poison", "0 0 0 30W * *", Instant.parse("2027-01-28T12:00:00Z"));
        Job healthy = addJob("every-second", "* * * * * *", Instant.parse("2027-01-28T23:59:58.500Z"));
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        Instant now = Instant.parse("2027-01-29T00:00:01Z");

        int first = db.tx(em -> fireDueJobs(em, A).fire(app, 1, now)).created();
        FireDueJobs.Fired second = db.tx(em -> fireDueJobs(em, A).fire(app, 1, now.plusSeconds(1)));

        assertThat(first)
                .as("the poison job's last computable fire and the healthy job's three")
                .isEqualTo(4);
        assertThat(second.created()).as("the healthy job fires on").isEqualTo(1);
        assertThat(second.nextFireTime()).isEqualTo(now.plusSeconds(2));
        Job stopped =
                db.tx(em -> new JpaJobRepository(em).find(app, poison.id())).orElseThrow();
        assertThat(stopped.nextFireTime()).isEmpty();
        assertThat(stopped.scheduleError())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("0 0 0 30W * *").contains("FEBRUARY 30"));
        assertThat(instancesOf(poison))
                .extracting(JobInstance::fireTime)
                .containsExactly(Instant.parse("2027-01-29T00:00:00Z"));
        assertThat(instancesOf(healthy)).hasSize(4);
    }

    @Test
    void fires_close_together_are_written_in_batches_each_half_a_look_ahead_or_more_before_its_time() {
        Instant start = Instant.parse("2027-03-01T10:00:00Z");
        Job job = addJob(
                "every-100-ms",
                ScheduleSpecBuilder.fixedRate(Duration.ofMillis(100))
                        .startAt(start)
                        .build(),
                start.minusSeconds(1));
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);

        FireDueJobs.Fired first = db.tx(em -> fireDueJobs(em, A).fire(app, 1, start));

        assertThat(first.created()).as("10:00:00 to 10:00:00.500").isEqualTo(6);
        assertThat(first.nextFireTime()).isEqualTo(start.plusMillis(600));
        assertThat(first.lookAgainAt())
                .as("half a look-ahead later, not a look-ahead before 10:00:00.600 (10:00:00.100)")
                .isEqualTo(start.plusMillis(250));

        FireDueJobs.Fired second = db.tx(em -> fireDueJobs(em, A).fire(app, 1, start.plusMillis(250)));

        assertThat(second.created())
                .as("10:00:00.600 and .700, 350 and 450 ms ahead")
                .isEqualTo(2);
        assertThat(second.lookAgainAt()).isEqualTo(start.plusMillis(500));
        assertThat(instancesOf(job)).hasSize(8);
    }

    @Test
    void fires_within_the_look_ahead_are_written_ahead_and_handed_out_only_at_their_time() {
        Job job = addJob("every-second", "* * * * * *", Instant.parse("2027-03-01T09:59:59.900Z"));
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        Instant now = Instant.parse("2027-03-01T10:00:00.600Z"); // the look-ahead (500 ms) reaches 10:00:01.100

        FireDueJobs.Fired fired = db.tx(em -> fireDueJobs(em, A).fire(app, 1, now));

        assertThat(fired.created()).isEqualTo(2);
        assertThat(fired.nextFireTime()).isEqualTo(Instant.parse("2027-03-01T10:00:02Z"));
        assertThat(fired.lookAgainAt())
                .as("the look-ahead before it")
                .isEqualTo(Instant.parse("2027-03-01T10:00:01.500Z"));
        assertThat(instancesOf(job))
                .extracting(JobInstance::fireTime)
                .containsExactlyInAnyOrder(
                        Instant.parse("2027-03-01T10:00:00Z"), Instant.parse("2027-03-01T10:00:01Z"));
        List<AssignWork.Slot> slot = List.of(new AssignWork.Slot("worker-1", 10));
        HandedOut handed = new HandedOut(MonotonicClock.system());
        assertThat(db.tx(em -> assignWork(em, handed).assign(app, 1, slot, now)).get("worker-1"))
                .as("only the fire that is due")
                .extracting(Assignment::fireTime)
                .containsExactly(Instant.parse("2027-03-01T10:00:00Z"));
        Map<String, List<Assignment>> early =
                db.tx(em -> assignWork(em, handed).assign(app, 1, slot, Instant.parse("2027-03-01T10:00:00.999Z")));
        assertThat(early).as("the fire written ahead waits for its time").isEmpty();
        assertThat(db.tx(em -> assignWork(em, handed).assign(app, 1, slot, Instant.parse("2027-03-01T10:00:01Z")))
                        .get("worker-1"))
                .extracting(Assignment::fireTime)
                .containsExactly(Instant.parse("2027-03-01T10:00:01Z"));
    }

    @Test
    void a_fixed_delay_job_fires_its_delay_after_its_previous_fire_ended_and_never_while_that_fire_runs() {
        Instant created = Instant.now().minusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ScheduleSpec spec =
                ScheduleSpecBuilder.fixedDelay(Duration.ofSeconds(2)).build();
        Job job = addJob("delayed", spec, created);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        Instant first = created.plusSeconds(2);
        assertThat(job.nextFireTime()).as("one delay after its creation").contains(first);

        assertThat(db.tx(em -> fireDueJobs(em, A).fire(app, 1, first)).created())
                .isEqualTo(1);
        assertThat(db.tx(em -> fireDueJobs(em, A).fire(app, 1, first.plusMillis(2100)))
                        .created())
                .as("its fire has not run yet")
                .isZero();
        JobInstance previous = instancesOf(job).get(0);
        claim("w", previous);
        end("w", previous, InstanceState.SUCCEEDED);
        Instant ended =
                db.tx(em -> instances(em).find(previous.id())).orElseThrow().finishedAt();

        FireDueJobs.Fired settled = db.tx(em -> fireDueJobs(em, A).fire(app, 1, first.plusMillis(3200)));
        assertThat(settled.created()).isZero();
        assertThat(settled.nextFireTime()).isEqualTo(ceilMillis(ended.plusSeconds(2)));
        assertThat(db.tx(em -> fireDueJobs(em, A).fire(app, 1, ended.plusMillis(1400)))
                        .created())
                .isZero();
        assertThat(db.tx(em -> fireDueJobs(em, A).fire(app, 1, ended.plusMillis(1600)))
                        .created())
                .isEqualTo(1);
        assertThat(instancesOf(job))
                .extracting(JobInstance::fireTime)
                .containsExactlyInAnyOrder(first, ceilMillis(ended.plusSeconds(2)));
    }

    private static Instant ceilMillis(Instant instant) {
        Instant down = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return down.equals(instant) ? down : down.plusMillis(1);
    }

    @Test
    void a_job_of_every_schedule_type_is_stored_and_read_back_as_it_was_defined() {
        Instant now = Instant.parse("2027-05-01T08:00:00Z");
        Map<ScheduleType, ScheduleSpec> specs = new java.util.EnumMap<>(ScheduleType.class);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        specs.put(ScheduleType.CRON, ScheduleSpec.of(ScheduleType.CRON, "0 0 * * * *", berlin));
        specs.put(ScheduleType.API, ScheduleSpec.of(ScheduleType.API, null, berlin));
        specs.put(
                ScheduleType.FIXED_RATE,
                ScheduleSpecBuilder.fixedRate(Duration.ofSeconds(5))
                        .in(berlin)
                        .startAt(now)
                        .endAt(now.plusSeconds(3600))
                        .build());
        specs.put(
                ScheduleType.FIXED_DELAY,
                ScheduleSpecBuilder.fixedDelay(Duration.ofSeconds(5)).in(berlin).build());
        specs.put(
                ScheduleType.ONE_OFF,
                ScheduleSpecBuilder.oneOff(now.plusSeconds(60)).in(berlin).build());
        specs.put(
                ScheduleType.DAILY_TIME_INTERVAL,
                ScheduleSpecBuilder.dailyTimeInterval(
                                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0), Duration.ofMinutes(15))
                        .in(berlin)
                        .on(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY)
                        .gapRule(GapRule.SKIP)
                        .build());
        assertThat(specs.keySet()).containsExactlyInAnyOrder(ScheduleType.values());

        specs.forEach((type, spec) -> {
            Job job = new Job(
                    app, "type-" + type.name().toLowerCase(java.util.Locale.ROOT), "hello", spec, null, true, now);
            job.policies().overlap(OverlapPolicy.CANCEL_RUNNING, 3);
            db.run(em -> new JpaJobRepository(em).add(job));

            Job read = db.tx(em -> new JpaJobRepository(em).find(app, job.id())).orElseThrow();
            assertThat(read.spec()).as(type.name()).isEqualTo(spec);
            assertThat(read.policies().overlapPolicy()).isEqualTo(OverlapPolicy.CANCEL_RUNNING);
            assertThat(read.policies().maxConcurrent()).isEqualTo(3);
        });
    }

    /** An every-second job created at 09:59:59.500 on 1 May 2027, with this overlap policy and at most one going. */
    private Job addOverlapJob(String name, OverlapPolicy policy) {
        Job job = new Job(
                app,
                name,
                "hello",
                ScheduleType.CRON,
                "* * * * * *",
                "UTC",
                null,
                true,
                Instant.parse("2027-05-01T09:59:59.500Z"));
        job.policies().overlap(policy, 1);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    /** A owns the app and fires the overlap job's 10:00:00, which worker w claims. */
    private JobInstance firstFireClaimed(Job job) {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:00.100Z")));
        JobInstance first = instancesOf(job).get(0);
        claim("w", first);
        return first;
    }

    /** Three fires (10:00:00, :01, :02) of an every-second job with this overlap policy, in one look. */
    private Job firedThreeOverlapping(OverlapPolicy policy) {
        Job job = addOverlapJob("overlap", policy);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:02.100Z")));
        return job;
    }

    private List<InstanceState> statesOf(Job job) {
        return instancesOf(job).stream()
                .sorted(java.util.Comparator.comparing(JobInstance::fireTime))
                .map(JobInstance::state)
                .toList();
    }

    private ReleaseBuffered.Released releaseBuffered() {
        return db.tx(em -> new ReleaseBuffered(fence(em, A), new JpaJobRepository(em), instances(em)).release(app, 1));
    }

    @Test
    void under_overlap_skip_a_fire_while_an_earlier_one_is_going_is_recorded_skipped() {
        Job job = firedThreeOverlapping(OverlapPolicy.SKIP);

        assertThat(statesOf(job)).containsExactly(InstanceState.WAITING, InstanceState.SKIPPED, InstanceState.SKIPPED);
        assertThat(instancesOf(job))
                .filteredOn(i -> i.state() == InstanceState.SKIPPED)
                .allSatisfy(i -> assertThat(i.result()).contains("still going").contains("overlap policy SKIP"));
    }

    @Test
    void a_firing_counts_what_it_created_and_skipped_by_reason_as_it_wrote_them() {
        Job job = addOverlapJob("counted", OverlapPolicy.SKIP);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);

        FireDueJobs.Fired fired =
                db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:02.100Z")));

        assertThat(statesOf(job)).containsExactly(InstanceState.WAITING, InstanceState.SKIPPED, InstanceState.SKIPPED);
        assertThat(fired.created()).isEqualTo(1);
        assertThat(fired.skipped()).containsExactly(java.util.Map.entry(SchedulerMetrics.SkipReason.OVERLAP, 2));
    }

    @Test
    void a_late_firing_counts_the_fire_times_its_misfire_policy_skipped() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        addJob(
                "late-counted",
                "* * * * * *",
                Instant.parse("2027-04-01T09:59:59.500Z"),
                MisfirePolicy.FIRE_ALL,
                Duration.ofSeconds(3));

        FireDueJobs.Fired fired =
                db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-04-01T10:00:10.200Z")));

        assertThat(fired.created()).isEqualTo(3);
        assertThat(fired.skipped()).containsExactly(java.util.Map.entry(SchedulerMetrics.SkipReason.MISFIRE, 8));
    }

    @Test
    void under_buffer_one_one_fire_waits_behind_the_going_one_and_runs_when_it_ends() {
        Job job = firedThreeOverlapping(OverlapPolicy.BUFFER_ONE);
        assertThat(statesOf(job)).containsExactly(InstanceState.WAITING, InstanceState.BUFFERED, InstanceState.SKIPPED);
        assertThat(releaseBuffered().released()).as("the first still waits").isZero();

        JobInstance first = instancesOf(job).stream()
                .filter(i -> i.fireTime().equals(Instant.parse("2027-05-01T10:00:00Z")))
                .findFirst()
                .orElseThrow();
        claim("w", first);
        end("w", first, InstanceState.SUCCEEDED);

        assertThat(releaseBuffered()).isEqualTo(new ReleaseBuffered.Released(1, false));
        assertThat(statesOf(job))
                .containsExactly(InstanceState.SUCCEEDED, InstanceState.WAITING, InstanceState.SKIPPED);
    }

    @Test
    void under_buffer_all_every_overlapping_fire_waits_and_they_are_released_one_at_a_time_in_order() {
        Job job = firedThreeOverlapping(OverlapPolicy.BUFFER_ALL);
        assertThat(statesOf(job))
                .containsExactly(InstanceState.WAITING, InstanceState.BUFFERED, InstanceState.BUFFERED);

        JobInstance first = instancesOf(job).stream()
                .filter(i -> i.state() == InstanceState.WAITING)
                .findFirst()
                .orElseThrow();
        claim("w", first);
        end("w", first, InstanceState.FAILED);

        assertThat(releaseBuffered()).isEqualTo(new ReleaseBuffered.Released(1, true));
        assertThat(statesOf(job)).containsExactly(InstanceState.FAILED, InstanceState.WAITING, InstanceState.BUFFERED);
    }

    @Test
    void under_cancel_running_a_new_fire_cancels_the_going_one_whose_late_report_is_refused() {
        Job job = addOverlapJob("cancelling", OverlapPolicy.CANCEL_RUNNING);
        JobInstance first = firstFireClaimed(job);

        db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:01.100Z")));

        assertThat(statesOf(job)).containsExactly(InstanceState.CANCELLED, InstanceState.WAITING);
        assertThat(db.tx(em -> instances(em).find(first.id())).orElseThrow().result())
                .contains("cancelled by the fire at 2027-05-01T10:00:01Z");
        assertThat(end("w", first, InstanceState.SUCCEEDED).state())
                .as("the worker's report comes too late")
                .isEqualTo(InstanceState.CANCELLED);
    }

    @Test
    void a_job_with_an_overlap_policy_fires_at_its_time_so_a_run_that_ends_just_before_it_is_no_overlap() {
        Job job = addOverlapJob("on-time", OverlapPolicy.SKIP);
        JobInstance first = firstFireClaimed(job);

        FireDueJobs.Fired early =
                db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:00.700Z")));
        assertThat(early.created())
                .as("10:00:01 is within the look-ahead but not written ahead")
                .isZero();
        assertThat(early.lookAgainAt())
                .as("looked at again at its time")
                .isEqualTo(Instant.parse("2027-05-01T10:00:01Z"));
        assertThat(instancesOf(job)).hasSize(1);

        end("w", first, InstanceState.SUCCEEDED); // ends 200 ms before the next fire
        FireDueJobs.Fired onTime = db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-05-01T10:00:01Z")));

        assertThat(onTime.created()).isEqualTo(1);
        assertThat(statesOf(job)).containsExactly(InstanceState.SUCCEEDED, InstanceState.WAITING);
    }

    /** An every-second job created at 10:00:00 whose owner first comes to it at 10:00:10.200. */
    private List<JobInstance> firedTenSecondsLate(MisfirePolicy policy, Duration catchUpWindow) {
        Job job = addJob(
                "late-" + policy + "-" + catchUpWindow,
                "* * * * * *",
                Instant.parse("2027-04-01T09:59:59.500Z"),
                policy,
                catchUpWindow);
        db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2027-04-01T10:00:10.200Z")));
        return instancesOf(job).stream()
                .sorted(java.util.Comparator.comparing(JobInstance::fireTime))
                .toList();
    }

    @Test
    void under_fire_all_every_missed_fire_time_runs_late_unless_older_than_the_catch_up_window() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        List<JobInstance> all = firedTenSecondsLate(MisfirePolicy.FIRE_ALL, null);
        List<JobInstance> windowed = firedTenSecondsLate(MisfirePolicy.FIRE_ALL, Duration.ofSeconds(3));

        assertThat(all).hasSize(11).allMatch(i -> i.state() == InstanceState.WAITING);
        // missed are 10:00:00 to 10:00:09 (older than the 1 s threshold); 10:00:07.2 is the window's edge
        assertThat(windowed.stream().filter(i -> i.state() == InstanceState.SKIPPED))
                .extracting(JobInstance::fireTime)
                .containsExactly(times(
                        "10:00:00",
                        "10:00:01",
                        "10:00:02",
                        "10:00:03",
                        "10:00:04",
                        "10:00:05",
                        "10:00:06",
                        "10:00:07"));
        assertThat(windowed.get(0).result()).contains("catch-up window of PT3S");
        assertThat(windowed.stream().filter(i -> i.state() == InstanceState.WAITING))
                .extracting(JobInstance::fireTime)
                .containsExactly(times("10:00:08", "10:00:09", "10:00:10"));
    }

    @Test
    void under_fire_once_the_latest_missed_fire_time_runs_for_all_of_them_and_the_others_are_recorded() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        List<JobInstance> fired = firedTenSecondsLate(MisfirePolicy.FIRE_ONCE, null);

        assertThat(fired).hasSize(11);
        assertThat(fired.stream().filter(i -> i.state() == InstanceState.WAITING))
                .extracting(JobInstance::fireTime)
                .as("the latest missed one, and the one on time")
                .containsExactly(times("10:00:09", "10:00:10"));
        assertThat(fired.get(0).state()).isEqualTo(InstanceState.SKIPPED);
        assertThat(fired.get(0).result()).contains("2027-04-01T10:00:09Z").contains("FIRE_ONCE");
    }

    @Test
    void under_skip_no_missed_fire_time_runs_and_each_is_recorded_with_its_reason() {
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        List<JobInstance> fired = firedTenSecondsLate(MisfirePolicy.SKIP, null);

        assertThat(fired.stream().filter(i -> i.state() == InstanceState.SKIPPED))
                .hasSize(10)
                .allSatisfy(i -> assertThat(i.result()).contains("misfire policy SKIP"));
        assertThat(fired.stream().filter(i -> i.state() == InstanceState.WAITING))
                .extracting(JobInstance::fireTime)
                .containsExactly(times("10:00:10"));
    }

    @Test
    void a_day_of_missed_fire_times_is_recorded_one_by_one_up_to_the_catch_up_limit_then_as_one_row() {
        Job job = addJob(
                "paused-a-day", "* * * * * *", Instant.parse("2027-04-01T09:59:59.500Z"), MisfirePolicy.SKIP, null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        Instant now = Instant.parse("2027-04-02T10:00:00.200Z");

        FireDueJobs.Fired fired = db.tx(em -> fireDueJobs(em, A).fire(app, 1, now));
        FireDueJobs.Fired next = db.tx(em -> fireDueJobs(em, A).fire(app, 1, now.plusMillis(100)));

        List<JobInstance> rows = instancesOf(job);
        int limit = SchedulerSettings.defaults().maxCatchUpFires();
        assertThat(rows.stream().filter(i -> i.state() == InstanceState.SKIPPED))
                .hasSize(limit + 1);
        assertThat(rows)
                .filteredOn(i -> i.fireTime().equals(Instant.parse("2027-04-01T10:01:40Z")))
                .singleElement()
                .satisfies(i -> assertThat(i.result())
                        .contains("every fire time from 2027-04-01T10:01:40Z to before 2027-04-02T09:59:59.200Z"));
        assertThat(fired.created() + next.created())
                .as("10:00:00 on the next day, on time")
                .isEqualTo(1);
        assertThat(rows.stream().filter(i -> i.state() == InstanceState.WAITING))
                .extracting(JobInstance::fireTime)
                .containsExactly(Instant.parse("2027-04-02T10:00:00Z"));
    }

    private static Instant[] times(String... localTimes) {
        return java.util.Arrays.stream(localTimes)
                .map(t -> Instant.parse("2027-04-01T" + t + "Z"))
                .toArray(Instant[]::new);
    }

    @Test
    void a_local_time_that_daylight_saving_skips_is_recorded_skipped_with_its_reason_under_the_skip_rule() {
        // 02:30 every day in Berlin: on 31 March 2024 the clocks went from 02:00 to 03:00
        ScheduleSpec spec = ScheduleSpecBuilder.cron("0 30 2 * * *")
                .in(ZoneId.of("Europe/Berlin"))
                .gapRule(GapRule.SKIP)
                .build();
        Job job = addJob("half-past-two", spec, Instant.parse("2024-03-29T12:00:00Z"));
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);

        int created = db.tx(em -> fireDueJobs(em, A).fire(app, 1, Instant.parse("2024-04-01T12:00:00Z")))
                .created();

        assertThat(created).as("30 March and 1 April").isEqualTo(2);
        assertThat(instancesOf(job))
                .extracting(JobInstance::fireTime, JobInstance::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2024-03-30T01:30:00Z"), InstanceState.WAITING),
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2024-03-31T01:00:00Z"), InstanceState.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2024-04-01T00:30:00Z"), InstanceState.WAITING));
        JobInstance skipped = instancesOf(job).stream()
                .filter(i -> i.state() == InstanceState.SKIPPED)
                .findFirst()
                .orElseThrow();
        assertThat(skipped.result()).contains("2024-03-31T02:30 does not exist in Europe/Berlin");
        assertThat(skipped.fireKey()).isEqualTo("skip:2024-03-31T02:30");
    }

    @Test
    void a_fixed_rate_job_fires_on_its_lattice_and_a_one_off_once() {
        Instant created = Instant.parse("2027-03-01T10:00:00.400Z");
        Job rate = addJob(
                "every-2s",
                ScheduleSpecBuilder.fixedRate(java.time.Duration.ofSeconds(2)).build(),
                created);
        Job once = addJob(
                "once", ScheduleSpecBuilder.oneOff(created.plusSeconds(3)).build(), created);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);

        db.tx(em -> fireDueJobs(em, A).fire(app, 1, created.plusSeconds(5)));
        FireDueJobs.Fired later = db.tx(em -> fireDueJobs(em, A).fire(app, 1, created.plusSeconds(60)));

        assertThat(instancesOf(rate))
                .extracting(JobInstance::fireTime)
                .hasSize(30)
                .contains(Instant.parse("2027-03-01T10:00:02Z"), Instant.parse("2027-03-01T10:01:00Z"))
                .allSatisfy(t -> assertThat(t.getEpochSecond() % 2).isZero());
        assertThat(instancesOf(once)).extracting(JobInstance::fireTime).containsExactly(created.plusSeconds(3));
        assertThat(db.tx(em -> new JpaJobRepository(em).find(app, once.id()))
                        .orElseThrow()
                        .nextFireTime())
                .isEmpty();
        assertThat(later.nextFireTime()).isEqualTo(Instant.parse("2027-03-01T10:01:02Z"));
    }

    @Test
    void the_owners_view_of_its_workers_is_kept_per_app_and_a_deposed_owner_cannot_overwrite_it() {
        db.run(em -> new JpaWorkerSummaryRepository(em).publish(WorkerSummary.of(app, 2, Set.of("mail", "audit")), 4));
        db.run(em -> new JpaWorkerSummaryRepository(em).publish(WorkerSummary.of(app, 0, Set.of()), 3));

        assertThat(summaryOf(app)).contains(WorkerSummary.of(app, 2, Set.of("audit", "mail")));

        db.run(em -> new JpaWorkerSummaryRepository(em).publish(WorkerSummary.of(app, 1, null), 5));
        assertThat(summaryOf(app)).contains(WorkerSummary.of(app, 1, null));
        db.run(em -> new JpaWorkerSummaryRepository(em).publish(WorkerSummary.of(app, 0, Set.of()), 5));
        assertThat(summaryOf(app)).contains(WorkerSummary.of(app, 0, Set.of()));
        assertThat(summaryOf("no-such-app")).isEmpty();
    }

    @Test
    void the_database_rejects_a_second_instance_of_the_same_fire() {
        Job job = addJob("every-second", "* * * * * *");
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        db.run(em -> instances(em).add(JobInstance.scheduled(job, fire, 1, A.id(), Instant.now())));

        assertThatThrownBy(() ->
                        db.run(em -> instances(em).add(JobInstance.scheduled(job, fire, 2, B.id(), Instant.now()))))
                .isInstanceOf(PersistenceException.class);
        assertThat(instancesOf(job)).hasSize(1);
    }

    @Test
    void an_attempt_runs_only_once_claimed_and_ends_once_on_the_worker_that_claimed_it() {
        Job job = addJob("on-demand", null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        long id = runId(job, "r-1");
        var assigned = db.tx(em -> assignWork(em)
                .assign(
                        app,
                        1,
                        List.of(new AssignWork.Slot("w", 1)),
                        Instant.now().plusSeconds(1)));
        assertThat(assigned.get("w")).singleElement().satisfies(a -> assertThat(a.instanceId())
                .isEqualTo(id));
        assertThat(db.tx(em -> instances(em).find(id)).orElseThrow().state())
                .as("handing out writes nothing")
                .isEqualTo(InstanceState.WAITING);

        assertThat(claim("w", 1, List.of(new Attempt(id, 2))).get(0).isRunningOn(2, "w", 1))
                .as("wrong attempt")
                .isFalse();
        assertThat(claim("w", 1, List.of(new Attempt(id, 1))).get(0).isRunningOn(1, "w", 1))
                .isTrue();
        assertThat(claim("w", 1, List.of(new Attempt(id, 1))).get(0).isRunningOn(1, "w", 1))
                .as("a repeated claim of the same worker")
                .isTrue();
        assertThat(claim("other", 1, List.of(new Attempt(id, 1))).get(0).isRunningOn(1, "other", 1))
                .as("another worker")
                .isFalse();
        assertThat(end("other", id, 1, InstanceState.SUCCEEDED).state())
                .as("an outcome from a worker that did not claim it")
                .isEqualTo(InstanceState.RUNNING);
        assertThat(end("w", id, 1, InstanceState.SUCCEEDED).endedAs(1, InstanceState.SUCCEEDED, "w"))
                .isTrue();
        assertThat(end("w", id, 1, InstanceState.FAILED).state()).as("terminal").isEqualTo(InstanceState.SUCCEEDED);
        assertThat(claim("w", 1, List.of(new Attempt(id, 1))).get(0).state())
                .as("a late claim")
                .isEqualTo(InstanceState.SUCCEEDED);

        JobInstance done = db.tx(em -> instances(em).find(id)).orElseThrow();
        assertThat(done.state()).isEqualTo(InstanceState.SUCCEEDED);
        assertThat(done.workerId()).isEqualTo("w");
        assertThat(done.result()).isEqualTo("ok");
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void a_jobs_routing_is_stored_and_only_its_waiting_instances_due_long_enough_fail_when_no_worker_may_run_them() {
        Job job = new Job(app, "routed", "hello", ScheduleType.API, null, "UTC", null, true, Instant.now());
        job.routing().set(DispatchStrategy.ROUND_ROBIN, List.of("w1", "w 2"), List.of("gpu"), 256L, 0.5, 1024L, 2);
        db.run(em -> new JpaJobRepository(em).add(job));
        Routing stored = db.tx(em -> new JpaJobRepository(em).find(app, job.id()))
                .orElseThrow()
                .routing();
        assertThat(stored.strategy()).isEqualTo(DispatchStrategy.ROUND_ROBIN);
        assertThat(stored.workers()).containsExactly("w1", "w 2");
        assertThat(stored.tags()).containsExactly("gpu");
        assertThat(stored.minFreeHeapMb()).hasValue(256);
        assertThat(stored.maxCpuLoad()).hasValue(0.5);
        assertThat(stored.minFreeDiskMb()).hasValue(1024);
        assertThat(stored.maxWorkers()).hasValue(2);

        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        long running = runId(job, "r-1");
        long waiting = runId(job, "r-2");
        long later = db.tx(em -> createRun(em, A).create(job, 1, new RunRequest(null, 3600L, "r-3", null)))
                .instance()
                .id();
        claim("w1", 1, List.of(new Attempt(running, 1)));
        Set<String> workersRunning = db.tx(em -> instances(em).workersRunning(job.id()));
        assertThat(workersRunning).containsExactly("w1");

        int failed = db.tx(em -> instances(em)
                .failUnplaceable(app, job.id(), Instant.now().plusSeconds(60), "no live worker of app " + app));

        assertThat(failed).isEqualTo(1);
        JobInstance ended = db.tx(em -> instances(em).find(waiting)).orElseThrow();
        assertThat(ended.state()).isEqualTo(InstanceState.FAILED);
        assertThat(ended.result()).isEqualTo("no live worker of app " + app);
        assertThat(ended.finishedAt()).isNotNull();
        assertThat(db.tx(em -> instances(em).find(running)).orElseThrow().state())
                .isEqualTo(InstanceState.RUNNING);
        assertThat(db.tx(em -> instances(em).find(later)).orElseThrow().state())
                .as("not due long enough")
                .isEqualTo(InstanceState.WAITING);
        List<InstanceMove> moves = db.tx(em -> instances(em).moves(waiting));
        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.cause()).isEqualTo("NO_WORKER");
            assertThat(m.state()).isEqualTo(InstanceState.FAILED);
            assertThat(m.note()).isEqualTo("no live worker of app " + app);
        });
        int again = db.tx(
                em -> instances(em).failUnplaceable(app, job.id(), Instant.now().plusSeconds(60), "again"));
        assertThat(again).isZero();
        List<InstanceMove> after = db.tx(em -> instances(em).moves(waiting));
        assertThat(after).as("recorded once").hasSize(1);
    }

    @Test
    void an_operators_stop_retry_and_success_are_recorded_as_moves_in_order() {
        long id = claimedRun("operated");

        boolean stopped = db.tx(em -> instances(em).stop(id, "stopped: enough"));
        assertThat(stopped).isTrue();
        boolean rerun = db.tx(
                em -> instances(em).rerun(id, 1, InstanceState.CANCELLED, Instant.now(), "again please", "server-a"));
        assertThat(rerun).isTrue();
        claim("w", 1, List.of(new Attempt(id, 2)));
        end("w", id, 2, InstanceState.FAILED);
        boolean marked = db.tx(em -> instances(em).markSucceeded(id, 2, InstanceState.FAILED, "fine after all"));
        assertThat(marked).isTrue();

        List<InstanceMove> moves = db.tx(em -> instances(em).moves(id));
        assertThat(moves)
                .extracting(InstanceMove::attempt, InstanceMove::state, InstanceMove::cause, InstanceMove::note)
                .containsExactly(
                        tuple(1, InstanceState.CANCELLED, "OPERATOR", "stopped: enough"),
                        tuple(2, InstanceState.WAITING, "OPERATOR", "again please"),
                        tuple(2, InstanceState.SUCCEEDED, "OPERATOR", "fine after all"));
        assertThat(moves.get(0).workerId()).as("read from the row it left").isEqualTo("w");
    }

    @Test
    void run_log_lines_are_stored_once_per_number_only_from_the_attempts_worker_and_old_ones_are_cleaned_up() {
        long id = claimedRun("chatty");
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        List<LogLine> lines = List.of(
                new LogLine(id, 1, 1, at, RunLog.Level.INFO, "first"),
                new LogLine(id, 1, 2, at.plusMillis(1), RunLog.Level.WARN, "second\n\twith a tab"));

        LogAnswer stored = db.tx(em -> storeRunLogs(em).store(app, new LogBatch("w", lines)));
        LogAnswer again = db.tx(em -> storeRunLogs(em).store(app, new LogBatch("w", lines)));
        LogAnswer otherWorker = db.tx(em -> storeRunLogs(em)
                .store(app, new LogBatch("x", List.of(new LogLine(id, 1, 3, at, RunLog.Level.INFO, "not mine")))));
        LogAnswer laterAttempt = db.tx(em -> storeRunLogs(em)
                .store(app, new LogBatch("w", List.of(new LogLine(id, 2, 1, at, RunLog.Level.INFO, "too early")))));

        assertThat(stored.stored()).isEqualTo(2);
        assertThat(again.stored()).as("a batch sent again").isEqualTo(2);
        assertThat(otherWorker.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("attempt 1 runs on worker w"));
        assertThat(laterAttempt.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("instance " + id + " is at attempt 1"));
        assertThat(logLines(id, 0))
                .extracting(LogLine::seq, LogLine::level, LogLine::message, LogLine::at)
                .containsExactly(
                        tuple(1L, RunLog.Level.INFO, "first", at),
                        tuple(2L, RunLog.Level.WARN, "second\n\twith a tab", at.plusMillis(1)));
        assertThat(logLines(id, 1)).extracting(LogLine::seq).containsExactly(2L);

        assertThat(cleaned(Instant.now().minusSeconds(3600)))
                .as("stored just now")
                .isZero();
        assertThat(cleaned(Instant.now().plusSeconds(3600))).isEqualTo(2);
        assertThat(logLines(id, 0)).isEmpty();
    }

    @Test
    void a_run_log_batch_stores_its_new_lines_and_skips_those_already_stored_or_repeated() {
        long id = 1_000_000_001L; // run_log has no foreign key: lines need no instance row
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        db.run(em -> runLogs(em).store(List.of(logLine(id, 1, at, "one"), logLine(id, 2, at, "two"))));

        db.run(em -> runLogs(em)
                .store(List.of(
                        logLine(id, 2, at, "two again"),
                        logLine(id, 3, at, "three"),
                        logLine(id, 3, at, "three again"),
                        logLine(id, 4, at, "four"))));

        assertThat(logLines(id, 0))
                .extracting(LogLine::seq, LogLine::message)
                .containsExactly(tuple(1L, "one"), tuple(2L, "two"), tuple(3L, "three"), tuple(4L, "four"));
    }

    @Test
    void a_run_log_cleanup_deletes_the_old_lines_of_at_most_the_given_number_of_instances() {
        List<Long> ids = List.of(1_000_000_001L, 1_000_000_002L, 1_000_000_003L);
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        db.run(em -> runLogs(em)
                .store(List.of(
                        logLine(ids.get(0), 1, at, "one"),
                        new LogLine(ids.get(0), 2, 1, at, RunLog.Level.INFO, "a later attempt's"),
                        logLine(ids.get(1), 1, at, "one"),
                        logLine(ids.get(1), 2, at, "two"),
                        logLine(ids.get(2), 1, at, "one"),
                        logLine(ids.get(2), 2, at, "two"))));
        Instant later = Instant.now().plusSeconds(3600);

        int firstLook = db.tx(em -> runLogs(em).deleteStoredBefore(later, 2));
        List<Long> left = ids.stream().filter(id -> !logLines(id, 0).isEmpty()).toList();
        int secondLook = db.tx(em -> runLogs(em).deleteStoredBefore(later, 2));

        assertThat(firstLook).as("two instances' lines, each two").isEqualTo(4);
        assertThat(left).hasSize(1);
        assertThat(secondLook).isEqualTo(2);
    }

    /** A cleanup deletes (and counts) the old lines of every test: none are left for the next. */
    @AfterEach
    void deleteRunLogs() {
        db.run(em -> em.createNativeQuery("DELETE FROM run_log").executeUpdate());
    }

    private static LogLine logLine(long instanceId, long seq, Instant at, String message) {
        return new LogLine(instanceId, 1, seq, at, RunLog.Level.INFO, message);
    }

    private static JpaRunLogRepository runLogs(EntityManager em) {
        return new JpaRunLogRepository(em, TestDatabase.jdbcOf(em));
    }

    private List<LogLine> logLines(long instanceId, long after) {
        return db.tx(em -> runLogs(em).read(instanceId, 1, after, 10));
    }

    private int cleaned(Instant before) {
        return db.tx(em -> runLogs(em).deleteStoredBefore(before, 10));
    }

    private static StoreRunLogs storeRunLogs(EntityManager em) {
        return new StoreRunLogs(instances(em), runLogs(em));
    }

    @Test
    void of_workers_racing_to_claim_one_attempt_exactly_one_wins() throws Exception {
        Job job = addJob("on-demand", null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        List<Long> ids = db.tx(em -> createRun(em, A).createBatch(job, 1, runs("race", 20)))
                .instanceIds();
        List<Attempt> attempts = ids.stream().map(id -> new Attempt(id, 1)).toList();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<AttemptSnapshot>>> results = IntStream.range(0, workers)
                    .mapToObj(w -> pool.submit(() -> {
                        start.await();
                        return claim("w" + w, 1, attempts);
                    }))
                    .toList();
            start.countDown();
            int[] wins = new int[ids.size()];
            for (int w = 0; w < workers; w++) {
                for (AttemptSnapshot s : results.get(w).get(30, TimeUnit.SECONDS)) {
                    if (s.isRunningOn(1, "w" + w, 1)) {
                        wins[ids.indexOf(s.instanceId())]++;
                    }
                }
            }
            assertThat(wins).containsOnly(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_batch_of_runs_is_created_at_once_and_repeating_it_creates_nothing() {
        Job job = addJob("on-demand", null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        long single = runId(job, "before");
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        List<RunRequest> batch = new java.util.ArrayList<>(runs("bulk", 1234));
        batch.set(7, new RunRequest("{\"k\":1}", null, "bulk-7", at));

        RunBatchAnswer first = db.tx(em -> createRun(em, A).createBatch(job, 1, batch));
        RunBatchAnswer again = db.tx(em -> createRun(em, A).createBatch(job, 1, batch));
        long after = runId(job, "after");

        assertThat(first.created()).isEqualTo(1234);
        assertThat(first.existing()).isZero();
        assertThat(first.instanceIds()).doesNotHaveDuplicates().doesNotContain(single, after);
        assertThat(again.created()).isZero();
        assertThat(again.existing()).isEqualTo(1234);
        assertThat(again.instanceIds()).isEqualTo(first.instanceIds());
        assertThat(instancesOf(job)).hasSize(1236).allSatisfy(i -> assertThat(i.state())
                .isEqualTo(InstanceState.WAITING));
        JobInstance seventh =
                db.tx(em -> instances(em).find(first.instanceIds().get(7))).orElseThrow();
        assertThat(seventh.fireTime()).isEqualTo(at);
        assertThat(seventh.parameters()).isEqualTo("{\"k\":1}");
        assertThat(seventh.fireKey()).isEqualTo("api:bulk-7");
    }

    @Test
    void a_run_request_repeated_with_the_same_id_is_one_instance() {
        Job job = addJob("on-demand", null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);

        var first = db.tx(em -> createRun(em, A).create(job, 1, run("same")));
        var second = db.tx(em -> createRun(em, A).create(job, 1, run("same")));

        assertThat(first.isNew()).isTrue();
        assertThat(second.isNew()).isFalse();
        assertThat(second.instance().id()).isEqualTo(first.instance().id());
    }

    @Test
    void leases_are_renewed_together_and_only_where_the_owner_still_holds_the_epoch() {
        String second = app + "-2";
        String third = app + "-3";
        for (String other : List.of(second, third)) {
            db.addApp(other);
        }
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        for (String other : List.of(second, third)) {
            db.tx(em -> new JpaOwnershipRepository(em, db.dialect())
                    .takeOver(new TakeOver(other, 0, null, A, OwnershipChangeReason.FIRST_CLAIM, -1000)));
        }
        db.tx(em -> new JpaOwnershipRepository(em, db.dialect())
                .takeOver(new TakeOver(third, 1, A.id(), B, OwnershipChangeReason.LEASE_EXPIRED, LONG_LEASE)));

        Set<String> renewed = db.tx(em -> new JpaOwnershipRepository(em, db.dialect())
                .renewAll(A.id(), Map.of(app, 1L, second, 1L, third, 1L), LONG_LEASE));
        Set<String> allRenewed = db.tx(em ->
                new JpaOwnershipRepository(em, db.dialect()).renewAll(A.id(), Map.of(app, 1L, second, 1L), LONG_LEASE));

        assertThat(renewed).containsExactlyInAnyOrder(app, second);
        assertThat(allRenewed).containsExactlyInAnyOrder(app, second);
        assertThat(db.<Boolean>tx(em -> new JpaOwnershipRepository(em, db.dialect()).fence(second, A.id(), 1)))
                .as("the expired lease of the second app was renewed")
                .isTrue();
    }

    @Test
    void servers_register_with_heartbeats_on_database_time() {
        db.run(em -> new JpaServerRegistry(em).heartbeat(A));
        db.run(em -> new JpaServerRegistry(em).heartbeat(A));

        var servers = db.tx(em -> new JpaServerRegistry(em).findAll(60_000));
        assertThat(servers)
                .filteredOn(s -> s.id().equals(A.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.alive()).isTrue());
        assertThat(db.<List<ServerNode>>tx(em -> new JpaServerRegistry(em).findAll(-60_000)))
                .filteredOn(s -> s.id().equals(A.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.alive()).isFalse());
        Instant dbNow = db.tx(em -> new JpaServerRegistry(em).databaseTime());
        assertThat(dbNow).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
    }

    private boolean takeOver(
            ServerIdentity who, long epoch, String expectedOwner, OwnershipChangeReason reason, long leaseMillis) {
        return db.tx(em -> new JpaOwnershipRepository(em, db.dialect())
                .takeOver(new TakeOver(app, epoch, expectedOwner, who, reason, leaseMillis)));
    }

    private List<AttemptSnapshot> claim(String worker, long epoch, List<Attempt> attempts) {
        return db.tx(em -> instances(em).claim(app, worker, epoch, attempts));
    }

    /** The worker claims the instance's current attempt, under epoch 1. */
    private List<AttemptSnapshot> claim(String worker, JobInstance instance) {
        return claim(worker, 1, List.of(new Attempt(instance.id(), instance.attempt())));
    }

    private AttemptSnapshot end(String worker, JobInstance instance, InstanceState state) {
        return end(worker, instance.id(), instance.attempt(), state);
    }

    private AttemptSnapshot end(String worker, long id, int attempt, InstanceState state) {
        return db.tx(em -> instances(em)
                        .recordOutcomes(
                                app, worker, List.of(new AttemptOutcome(new Attempt(id, attempt), state, "ok"))))
                .get(0);
    }

    /** A run (request r-1) of a new on-demand job of the app, owned by A, whose attempt 1 worker w has claimed. */
    private long claimedRun(String jobName) {
        Job job = addJob(jobName, null);
        takeOver(A, 0, null, OwnershipChangeReason.FIRST_CLAIM, LONG_LEASE);
        long id = runId(job, "r-1");
        claim("w", 1, List.of(new Attempt(id, 1)));
        return id;
    }

    /** The id of the instance that A, at epoch 1, creates for the run request. */
    private long runId(Job job, String requestId) {
        return db.tx(em -> createRun(em, A).create(job, 1, run(requestId)))
                .instance()
                .id();
    }

    private static RunRequest run(String requestId) {
        return new RunRequest(null, null, requestId, null);
    }

    private static List<RunRequest> runs(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> run(prefix + "-" + i)).toList();
    }

    private static JpaInstanceRepository instances(EntityManager em) {
        return new JpaInstanceRepository(em, db.dialect(), TestDatabase.jdbcOf(em));
    }

    private Ownership ownership() {
        return db.tx(em -> new JpaOwnershipRepository(em, db.dialect()).find(app))
                .orElseThrow();
    }

    private List<String> orphans() {
        return db.tx(em -> new JpaOwnershipRepository(em, db.dialect()).findOrphans()).stream()
                .map(Ownership::appName)
                .toList();
    }

    private Optional<WorkerSummary> summaryOf(String appName) {
        return db.tx(em -> new JpaWorkerSummaryRepository(em).find(appName));
    }

    private Job addJob(String name, String cron) {
        return addJob(name, cron, Instant.now());
    }

    private Job addJob(String name, String cron, Instant createdAt, MisfirePolicy policy, Duration catchUpWindow) {
        Job job = new Job(app, name, "hello", ScheduleType.CRON, cron, "UTC", null, true, createdAt);
        job.policies().misfire(policy, catchUpWindow);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    private Job addJob(String name, String cron, Instant createdAt) {
        Job job = new Job(
                app,
                name,
                "hello",
                cron == null ? ScheduleType.API : ScheduleType.CRON,
                cron,
                "UTC",
                null,
                true,
                createdAt);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    private Job addJob(String name, ScheduleSpec spec, Instant createdAt) {
        Job job = new Job(app, name, "hello", spec, null, true, createdAt);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    private List<JobInstance> instancesOf(Job job) {
        return db.tx(em -> instances(em).findByJob(job.id(), 5000));
    }

    private static FireDueJobs fireDueJobs(EntityManager em, ServerIdentity me) {
        return new FireDueJobs(
                fence(em, me),
                new JpaJobRepository(em),
                instances(em),
                SchedulerSettings.defaults(),
                new FixedDelayFires(instances(em)),
                new OverlapGate(instances(em), new BufferedApps()));
    }

    private static AssignWork assignWork(EntityManager em) {
        return assignWork(em, new HandedOut(MonotonicClock.system()));
    }

    private static AssignWork assignWork(EntityManager em, HandedOut handed) {
        return new AssignWork(
                new JpaJobRepository(em),
                instances(em),
                handed,
                new DueWork(),
                new WorkerRegistry(MonotonicClock.system()),
                SchedulerSettings.defaults(),
                SchedulerMetrics.NONE);
    }

    private static CreateRun createRun(EntityManager em, ServerIdentity me) {
        return new CreateRun(
                fence(em, me), instances(em), new DatabaseClock(Clock.systemUTC(), MonotonicClock.system()));
    }

    private static OwnerFence fence(EntityManager em, ServerIdentity me) {
        return new OwnerFence(new JpaOwnershipRepository(em, db.dialect()), me);
    }
}
