package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The order of a tick's steps, with each step replaced by one that records its call. */
class ServerLoopTest {

    private static final String APP = "billing";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong monotonic = new AtomicLong(1_000_000);
    private final DatabaseClock clock = new DatabaseClock(Clock.systemUTC(), monotonic::get);
    private final SchedulerSettings settings = SchedulerSettings.defaults();
    private final HeldApps held = new HeldApps(monotonic::get, settings.safetyMillis());
    private final DueWork dueWork = new DueWork();
    private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger(1);

    private final ServerLoop loop = new ServerLoop(
            new ServerHeartbeat(null, null, clock, settings) {
                @Override
                public void beat() {
                    calls.add("heartbeat");
                }
            },
            new Election(null, null, null, held, monotonic::get, settings.leaseMillis()) {
                @Override
                public void renewLeases() {
                    calls.add("renew");
                }

                @Override
                public void adoptOrphans() {
                    calls.add("adopt");
                }
            },
            held,
            new FireDueJobs() {
                @Override
                public Fired fire(String app, long epoch, Instant at) {
                    calls.add("fire " + app);
                    return new Fired(created.get(), null, null);
                }
            },
            new DueJobsCheck() {
                @Override
                public Set<String> appsToFire(Collection<String> apps, Instant now) {
                    return Set.copyOf(apps);
                }
            },
            dueWork,
            new DispatchWork() {
                @Override
                public void dispatch(String app) {
                    calls.add("dispatch " + app);
                }
            },
            new TendApps() {
                @Override
                public void cleanRunLogs() {}

                @Override
                public void recoverLostWork(String app, long epoch) {}

                @Override
                public void releaseBuffered(String app, long epoch) {}

                @Override
                public void failUnplaceable(String app, long epoch) {}

                @Override
                public void publishWorkers(String app, long epoch) {}
            },
            new WaitingPolls() {
                @Override
                public Set<String> appsWithPolls() {
                    return Set.of(APP);
                }
            },
            clock,
            settings);

    @Test
    void due_work_is_dispatched_before_the_ticks_other_steps_and_what_the_tick_fired_after_them() {
        held.hold(APP, 1, monotonic.get(), settings.leaseMillis());
        dueWork.workWaiting(APP);

        loop.tick();

        assertThat(calls)
                .as("a dispatch waits for no heartbeat, lease or firing transaction")
                .containsExactly("dispatch " + APP, "heartbeat", "renew", "adopt", "fire " + APP, "dispatch " + APP);
    }

    @Test
    void a_tick_that_created_nothing_and_had_nothing_waiting_dispatches_nothing() {
        held.hold(APP, 1, monotonic.get(), settings.leaseMillis());
        dueWork.takeDispatchDue(APP, clock.instant()); // the periodic look was taken: the next is a second away
        created.set(0);

        loop.tick();

        assertThat(calls).containsExactly("heartbeat", "renew", "adopt", "fire " + APP);
    }
}
