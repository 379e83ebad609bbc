package io.campanile.worker;

import io.campanile.worker.config.WorkerSettings;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.loop.HealthProbe;
import io.campanile.worker.loop.HeartbeatSender;
import io.campanile.worker.loop.PollLoop;
import io.campanile.worker.report.PendingReports;
import io.campanile.worker.report.ReportSender;
import io.campanile.worker.run.AssignmentRunner;
import io.campanile.worker.run.DeliveryLedger;
import io.campanile.worker.run.ProcessorLookup;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.transport.ServerApi;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One worker of one app. Runs happen on a pool of {@code capacity} threads from the given factory (a
 * container's managed thread factory in production); the poll loop has a thread of its own. The caller
 * ticks it every heartbeat interval and stops it once.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    static final int PENDING_REPORTS = 1000;
    static final int REMEMBERED_DELIVERIES = 10_000;

    private final WorkerSettings settings;
    private final ThreadFactory threads;
    private final ThreadPoolExecutor runPool;
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final ServerApi api;
    private final Discovery discovery;
    private final ReportSender reports;
    private final RunDispatcher runs;
    private final HeartbeatSender heartbeat;
    private final PollLoop pollLoop;
    private final AtomicBoolean ticking = new AtomicBoolean();

    public Worker(
            WorkerSettings settings, ServerApi api, ProcessorLookup processors, ThreadFactory threads, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.threads = threads;
        this.runPool = new ThreadPoolExecutor(
                settings.capacity(), settings.capacity(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        runPool.allowCoreThreadTimeOut(true);
        this.discovery =
                new Discovery(settings.app(), api, new ServerRotation(settings.servers()), owner, epochs, clock);
        this.reports = new ReportSender(api, owner, settings.servers(), new PendingReports(PENDING_REPORTS));
        AssignmentRunner runner =
                new AssignmentRunner(settings.app(), settings.workerId(), processors, reports::submit);
        this.runs = new RunDispatcher(
                settings.app(),
                settings.capacity(),
                epochs,
                new DeliveryLedger(REMEMBERED_DELIVERIES),
                runner,
                runPool);
        this.heartbeat =
                new HeartbeatSender(settings.workerId(), api, owner, discovery, epochs, runs, new HealthProbe());
        this.pollLoop = new PollLoop(
                settings.workerId(),
                api,
                owner,
                discovery,
                epochs,
                runs,
                settings.timeouts().retryPause());
    }

    /** Starts the poll loop, which discovers the owner first. */
    public void start() {
        Thread loop = threads.newThread(pollLoop);
        try {
            loop.setName("campanile-poll-" + settings.app());
        } catch (SecurityException e) {
            // a container may not let us rename its threads; the name is only for thread dumps
        }
        loop.start();
    }

    /** The periodic tick: routine discovery when due, a heartbeat, and a retry of waiting reports. */
    public void tick(Instant now) {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            if (owner.get().isEmpty() || discovery.isDue(now, settings.discoveryInterval())) {
                discovery.discover();
            }
            heartbeat.beat();
            reports.flush();
        } finally {
            ticking.set(false);
        }
    }

    /** Stops polling at once, lets running work finish for the grace period, then delivers what it can. */
    public void stop() {
        pollLoop.stop();
        api.abortPolls();
        runPool.shutdown();
        try {
            if (!runPool.awaitTermination(settings.timeouts().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> runs.active() + " run(s) of app " + settings.app()
                        + " still active at shutdown; the owner will treat them as lost");
                runPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runPool.shutdownNow();
        }
        reports.flush();
        if (reports.waiting() > 0) {
            LOG.warning(() -> reports.waiting() + " report(s) of app " + settings.app()
                    + " could not be delivered before shutdown");
        }
    }

    public Optional<Owner> owner() {
        return owner.get();
    }

    public long newestEpoch() {
        return epochs.newest();
    }

    public int activeRuns() {
        return runs.active();
    }

    public int waitingReports() {
        return reports.waiting();
    }
}
