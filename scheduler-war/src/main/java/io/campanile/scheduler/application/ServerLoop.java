package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.time.Every;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a server does on every tick: heartbeat and clock sync, lease renewal, adoption of orphaned
 * apps, firing due jobs, recovering lost work; and on a dispatch tick of its own, handing out work. Each step fails
 * alone: a failing step is logged and the others still run.
 */
@ApplicationScoped
public class ServerLoop {

    private static final Logger LOG = Logger.getLogger(ServerLoop.class.getName());
    private static final long HEARTBEAT_MILLIS = 1000;
    private static final long ADOPT_MILLIS = 500;
    private static final long RECOVER_MILLIS = 1000;

    private ServerHeartbeat heartbeat;
    private Election election;
    private HeldApps held;
    private FireDueJobs fireDueJobs;
    private DueJobsCheck dueJobs;
    private DueWork dueWork;
    private DispatchWork dispatchWork;
    private TendApps tendApps;
    private WaitingPolls polls;
    private DatabaseClock clock;
    private SchedulerSettings settings;
    private SchedulerMetrics metrics;

    // periods on the monotonic clock: a wall clock stepped back must not suspend renewals (item 5 of issue 5)
    private Every heartbeatDue;
    private Every renewalDue;
    private Every adoptionDue;
    private Every recoveryDue;

    protected ServerLoop() {}

    @Inject
    public ServerLoop(
            ServerHeartbeat heartbeat,
            Election election,
            HeldApps held,
            FireDueJobs fireDueJobs,
            DueJobsCheck dueJobs,
            DueWork dueWork,
            DispatchWork dispatchWork,
            TendApps tendApps,
            WaitingPolls polls,
            DatabaseClock clock,
            SchedulerSettings settings,
            SchedulerMetrics metrics) {
        this.heartbeat = heartbeat;
        this.election = election;
        this.held = held;
        this.fireDueJobs = fireDueJobs;
        this.dueJobs = dueJobs;
        this.dueWork = dueWork;
        this.dispatchWork = dispatchWork;
        this.tendApps = tendApps;
        this.polls = polls;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.heartbeatDue = new Every(HEARTBEAT_MILLIS, clock.monotonic());
        this.renewalDue = new Every(settings.renewMillis(), clock.monotonic());
        this.adoptionDue = new Every(ADOPT_MILLIS, clock.monotonic());
        this.recoveryDue = new Every(RECOVER_MILLIS, clock.monotonic());
    }

    /**
     * Called by the timer; not re-entered (the timer skips a tick while one runs). Dispatching is not part of it: it
     * runs on a loop of its own ({@link #dispatchTick}), so that a hand-out never waits behind this tick's
     * transactions (a tick rung at a fire's time mostly also writes the fires a look-ahead later, and renews leases,
     * heartbeats and adopts at their periods); what the tick makes waiting rings that loop ({@link DueWork}).
     */
    public void tick() {
        if (held.isLeaving()) {
            return;
        }
        if (heartbeatDue.due()) {
            step("heartbeat", () -> metrics.timed(SchedulerMetrics.DbCall.HEARTBEAT, heartbeat::beat));
        }
        if (renewalDue.due()) {
            step("lease renewal", () -> metrics.timed(SchedulerMetrics.DbCall.RENEW, election::renewLeases));
        }
        if (adoptionDue.due()) {
            step("adoption of orphaned apps", election::adoptOrphans);
        }
        boolean recover = recoveryDue.due();
        if (recover) {
            step("cleaning old run logs", tendApps::cleanRunLogs);
        }
        Map<String, Long> snapshot = held.snapshot();
        Instant now = clock.instant();
        Set<String> toFire = new HashSet<>();
        step("looking for due jobs", () -> toFire.addAll(dueJobs.appsToFire(snapshot.keySet(), now)));
        snapshot.forEach((app, epoch) -> {
            if (held.holds(app, epoch)) {
                if (toFire.contains(app)) {
                    step("firing jobs of " + app, () -> fire(app, epoch, now));
                }
                if (recover) {
                    step("recovering lost work of " + app, () -> tendApps.recoverLostWork(app, epoch));
                    step("releasing buffered fires of " + app, () -> tendApps.releaseBuffered(app, epoch));
                    step("failing what no worker of " + app + " may run", () -> tendApps.failUnplaceable(app, epoch));
                    step("publishing the workers of " + app, () -> tendApps.publishWorkers(app, epoch));
                }
            }
        });
    }

    /**
     * Called by the dispatch timer; not re-entered: answers the polls of each app whose work is due (or comes within
     * the lead) or was signalled waiting ({@link DueWork}).
     */
    public void dispatchTick() {
        if (held.isLeaving()) {
            return;
        }
        Instant at = clock.instant();
        polls.appsWithPolls().stream()
                .filter(app -> dueWork.takeDispatchDue(app, at))
                .forEach(app -> step("dispatching work of " + app, () -> dispatchWork.dispatch(app)));
    }

    private void fire(String app, long epoch, Instant at) {
        FireDueJobs.Fired fired = metrics.timed(SchedulerMetrics.DbCall.FIRE, () -> fireDueJobs.fire(app, epoch, at));
        // counted once the firing transaction committed: a fenced-out one rolled back and created nothing
        metrics.firesCreated(app, fired.created());
        fired.skipped().forEach((reason, count) -> metrics.firesSkipped(app, reason, count));
        dueWork.jobsChecked(app, at, fired.lookAgainAt());
        if (fired.created() > 0) {
            dueWork.workWaiting(app);
        }
    }

    private void step(String name, Runnable step) {
        try {
            step.run();
        } catch (FencedOut e) {
            LOG.warning(() -> "Stopped acting on app " + e.appName() + ": " + e.getMessage());
            held.lose(e.appName(), e.epoch());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Server step failed: " + name + ": " + e, LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
