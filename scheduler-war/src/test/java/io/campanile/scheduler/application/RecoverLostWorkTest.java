package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Bystander.advanceHearing;
import static io.campanile.scheduler.testing.Heartbeats.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.TakeOver;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.testing.InMemoryInstances;
import io.campanile.scheduler.testing.InMemoryOwnershipRepository;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the owner looks at an app's running work: once the app is settled, at once when a known worker falls
 * silent, and every {@link RecoverLostWork#FULL_LOOK_MILLIS}, but not every tick of an idle app.
 */
class RecoverLostWorkTest {

    private static final String APP = "billing";
    private static final long EPOCH = 1;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final SchedulerSettings settings = SchedulerSettings.defaults();
    private final long timeout = settings.workerTimeoutMillis();
    private final ServerIdentity me = new ServerIdentity("server-a", "http://a");
    private final InMemoryOwnershipRepository ownership = new InMemoryOwnershipRepository(clock);
    private final InMemoryInstances instances = new InMemoryInstances();
    private final WorkerRegistry workers = new WorkerRegistry(clock);
    private final HandedOut handedOut = new HandedOut(clock);
    private final DatabaseClock databaseClock = new DatabaseClock(clock, clock);
    // the in-memory instances find no instance to retry, so the jobs are never read
    private final RecoverLostWork recovery = new RecoverLostWork(
            new OwnerFence(ownership, me),
            instances,
            workers,
            handedOut,
            settings,
            databaseClock,
            new RetryFailures(instances, null, new DueWork(), me, databaseClock));

    @BeforeEach
    void ownTheApp() {
        ownership.register(APP);
        assertThat(ownership.takeOver(new TakeOver(APP, 0, null, me, OwnershipChangeReason.FIRST_CLAIM, 60_000)))
                .isTrue();
    }

    private void heartbeat(String worker) {
        workers.record(
                APP,
                aHeartbeat(worker)
                        .activeRuns(1)
                        .capacity(8)
                        .epochSeen(EPOCH)
                        .processors("p")
                        .build());
    }

    private void recover() {
        recovery.recover(APP, EPOCH, timeout);
    }

    @Test
    void an_idle_settled_app_reads_its_running_work_once_and_then_only_every_full_look() {
        heartbeat("w1");

        recover();
        clock.advanceMillis(RecoverLostWork.FULL_LOOK_MILLIS / 2);
        heartbeat("w1");
        recover();
        recover();

        assertThat(instances.runningReads).isEqualTo(1);
        clock.advanceMillis(RecoverLostWork.FULL_LOOK_MILLIS / 2);
        heartbeat("w1");
        recover();
        assertThat(instances.runningReads).as("the periodic full look").isEqualTo(2);
    }

    @Test
    void a_known_worker_that_falls_silent_has_its_running_attempts_failed_at_once() {
        heartbeat("w1");
        heartbeat("w2");
        instances.running(7, 1, "w1", EPOCH);
        instances.running(8, 2, "w2", EPOCH);
        recover();
        assertThat(instances.failed).isEmpty();

        advanceHearing(
                clock, workers, settings.missedHeartbeats() * 1000L + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS);
        heartbeat("w2");
        recover();

        assertThat(instances.failed)
                .containsExactly(
                        "7/1: worker w1 stopped sending heartbeats (missed " + settings.missedHeartbeats() + ")");
        assertThat(instances.runningReads)
                .as("read again before the full look was due")
                .isEqualTo(2);
        recover();
        assertThat(instances.runningReads)
                .as("the lost worker was forgotten once handled")
                .isEqualTo(2);
    }

    @Test
    void right_after_a_take_over_a_worker_heard_here_is_lost_after_its_missed_heartbeats_but_an_unknown_one_is_not() {
        heartbeat("w1");
        instances.running(7, 1, "w1", EPOCH);
        instances.running(9, 1, "w-unknown", EPOCH);
        advanceHearing(
                clock, workers, settings.missedHeartbeats() * 1000L + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS);

        recovery.recover(APP, EPOCH, 4_000);

        assertThat(instances.failed)
                .containsExactly(
                        "7/1: worker w1 stopped sending heartbeats (missed " + settings.missedHeartbeats() + ")");
    }

    @Test
    void before_the_app_is_settled_here_no_worker_is_lost_and_running_work_is_not_read() {
        instances.running(7, 1, "w-unknown", EPOCH);

        recovery.recover(APP, EPOCH, timeout - 1);

        assertThat(instances.runningReads).isZero();
        assertThat(instances.failed).isEmpty();
    }

    @Test
    void hand_outs_to_a_lost_worker_are_freed_to_be_handed_out_again() {
        heartbeat("w1");
        handedOut.record(APP, "w1", List.of(new Attempt(5, 1)));
        advanceHearing(
                clock, workers, settings.missedHeartbeats() * 1000L + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS);

        recover();

        assertThat(handedOut.ids(APP)).isEmpty();
    }
}
