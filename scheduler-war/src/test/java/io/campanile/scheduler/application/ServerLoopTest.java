package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.testing.RecordingMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a tick and a dispatch tick do, with each step replaced by one that records its call. */
class ServerLoopTest {

    private static final String APP = "billing";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong monotonic = new AtomicLong(1_000_000);
    private final DatabaseClock clock = new DatabaseClock(Clock.systemUTC(), monotonic::get);
    private final SchedulerSettings settings = SchedulerSettings.defaults();
    private final HeldApps held = new HeldApps(monotonic::get, settings.safetyMillis());
    private final DueWork dueWork = new DueWork();
    private final RecordingMetrics metrics = new RecordingMetrics();

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
                    return new Fired(1, null, null, Map.of(SchedulerMetrics.SkipReason.MISFIRE, 2));
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
            settings,
            metrics);

    @Test
    void a_tick_does_not_dispatch_but_rings_the_dispatch_loop_for_the_work_it_fired() {
        List<Instant> rung = new CopyOnWriteArrayList<>();
        dueWork.onEarlierDispatch(rung::add);
        held.hold(APP, 1, monotonic.get(), settings.leaseMillis());
        dueWork.workWaiting(APP);
        rung.clear();

        loop.tick();

        assertThat(calls)
                .as("no hand-out waits behind the tick's heartbeat, lease or firing transaction")
                .containsExactly("heartbeat", "renew", "adopt", "fire " + APP);
        assertThat(rung).as("the fire made work waiting: dispatch at once").containsExactly(Instant.MIN);
    }

    @Test
    void a_tick_counts_the_fires_it_created_and_skipped_and_times_its_database_steps() {
        held.hold(APP, 1, monotonic.get(), settings.leaseMillis());

        loop.tick();

        assertThat(metrics.calls)
                .containsExactly(
                        "timed HEARTBEAT",
                        "timed RENEW",
                        "timed FIRE",
                        "fires " + APP + " 1",
                        "skipped " + APP + " MISFIRE 2");
    }

    @Test
    void the_dispatch_tick_answers_the_polls_of_apps_whose_work_is_waiting_and_only_then() {
        held.hold(APP, 1, monotonic.get(), settings.leaseMillis());
        dueWork.workWaiting(APP);

        loop.dispatchTick();
        loop.dispatchTick();

        assertThat(calls)
                .as("the signal is spent; the next periodic look is a second later")
                .containsExactly("dispatch " + APP);
    }
}
