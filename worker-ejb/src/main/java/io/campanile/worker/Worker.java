package io.campanile.worker;

import io.campanile.worker.config.WorkerSettings;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.logs.LogQueue;
import io.campanile.worker.logs.LogShipper;
import io.campanile.worker.logs.RunLogs;
import io.campanile.worker.loop.HealthProbe;
import io.campanile.worker.loop.HeartbeatSender;
import io.campanile.worker.loop.PollLoop;
import io.campanile.worker.loop.SilentOwnerWatch;
import io.campanile.worker.report.OutcomeSender;
import io.campanile.worker.run.AssignmentRunner;
import io.campanile.worker.run.ClaimStep;
import io.campanile.worker.run.DeliveryLedger;
import io.campanile.worker.run.ProcessorLookup;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.run.RunWatch;
import io.campanile.worker.transport.ServerApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker of one app. Runs happen on a pool of {@code capacity} threads from the given factory (a
 * container's managed thread factory in production); the poll loop, the outcome sender and the silent-owner
 * watch have a thread each. Undelivered outcomes are bounded by back-pressure, not by dropping: see
 * {@link RunDispatcher}. The caller ticks it every heartbeat interval and stops it once. Periods are measured
 * with the given monotonic clock ({@link System#nanoTime()} in production), so a step of the wall clock changes
 * nothing.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    static final int REMEMBERED_DELIVERIES = 10_000;
    /** What the server takes in a heartbeat's {@code processors}. */
    static final int MAX_REPORTED_PROCESSORS = 100;

    static final int MAX_PROCESSOR_NAME = 200;
    /** Run log lines held for sending at most; more are dropped (counted) until the scheduler takes some. */
    static final int MAX_QUEUED_LOG_LINES = 20_000;
    /** How long run log lines gather before they are sent as one batch. */
    static final Duration LOG_FLUSH_EVERY = Duration.ofMillis(250);

    private final WorkerSettings settings;
    private final ThreadFactory threads;
    private final ThreadPoolExecutor runPool;
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final ServerApi api;
    private final Discovery discovery;
    private final OutcomeSender outcomes;
    private final LogShipper logShipper;
    private final RunDispatcher runs;
    private final RunWatch runWatch;
    private final AssignmentRunner runner;
    private final HeartbeatSender heartbeat;
    private final PollLoop pollLoop;
    private final SilentOwnerWatch watch;
    private final AtomicBoolean ticking = new AtomicBoolean();

    public Worker(
            WorkerSettings settings,
            ServerApi api,
            ProcessorLookup processors,
            ThreadFactory threads,
            LongSupplier nanoTime) {
        this.settings = settings;
        this.api = api;
        this.threads = threads;
        this.runPool = new ThreadPoolExecutor(
                settings.capacity(), settings.capacity(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        runPool.allowCoreThreadTimeOut(true);
        Duration retryPause = settings.timeouts().retryPause();
        ServerRotation rotation = new ServerRotation(settings.servers());
        this.discovery = new Discovery(settings.app(), api, rotation, owner, epochs, nanoTime, retryPause);
        this.watch = new SilentOwnerWatch(
                settings.app(), discovery, rotation, nanoTime, retryPause, settings.heartbeatInterval());
        ServerCandidates candidates = new ServerCandidates(owner, settings.servers(), watch::isSilent);
        this.outcomes = new OutcomeSender(settings.workerId(), api, candidates, retryPause, this::outcomesLeft);
        LogQueue logQueue = new LogQueue(MAX_QUEUED_LOG_LINES);
        this.logShipper = new LogShipper(settings.workerId(), api, candidates, logQueue, LOG_FLUSH_EVERY, retryPause);
        AssignmentRunner runner = new AssignmentRunner(
                settings.app(),
                processors,
                outcomes::submit,
                nanoTime,
                new RunLogs(logQueue, settings.logMaxBytes(), Clock.systemUTC()));
        this.runWatch = runner.watch();
        this.runner = runner;
        this.runs = new RunDispatcher(
                settings.capacity(), settings.prefetch(), runner, runPool, outcomes::waiting, outcomes::isFlowing);
        this.heartbeat = new HeartbeatSender(
                settings.workerId(),
                api,
                owner,
                discovery,
                watch,
                epochs,
                runs,
                new HealthProbe(settings.heartbeatInterval(), settings.tags()),
                processorNames(processors),
                runWatch);
        ClaimStep claims = new ClaimStep(
                settings.app(),
                settings.workerId(),
                api,
                candidates,
                epochs,
                new DeliveryLedger(REMEMBERED_DELIVERIES),
                retryPause);
        this.pollLoop = new PollLoop(settings.workerId(), api, owner, discovery, epochs, runs, claims, retryPause);
        discovery.onAnswer(named -> {
            watch.ownerNamed(named);
            pollLoop.ownerNamed(named);
        });
    }

    /**
     * The processor names heartbeats report, or null (not named: the server then only warns about apps without live
     * workers) when they cannot be listed or the server would refuse them (see docs/api.md, Limits).
     */
    static List<String> processorNames(ProcessorLookup processors) {
        List<String> names;
        try {
            names = processors.names();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot list the application's processors; heartbeats will not name them", e);
            return null;
        }
        if (names == null) {
            return null;
        }
        if (names.size() > MAX_REPORTED_PROCESSORS
                || names.stream().anyMatch(n -> n.isEmpty() || n.length() > MAX_PROCESSOR_NAME)) {
            LOG.info(() -> "The application has " + names.size() + " processors, or a name longer than "
                    + MAX_PROCESSOR_NAME + " characters: heartbeats will not name them (at most "
                    + MAX_REPORTED_PROCESSORS + " are reported)");
            return null;
        }
        return names;
    }

    /** The poll loop may wait for deliveries (back-pressure); wakes it when outcomes left the queue. */
    private void outcomesLeft() {
        runs.wakeUp();
    }

    /** Starts the poll loop, which discovers the owner first, the outcome sender and the silent-owner watch. */
    public void start() {
        startThread(pollLoop, "campanile-poll-" + settings.app());
        startThread(outcomes, "campanile-outcomes-" + settings.app());
        startThread(logShipper, "campanile-run-logs-" + settings.app());
        startThread(watch, "campanile-watch-" + settings.app());
        startThread(runWatch, "campanile-time-limits-" + settings.app());
    }

    private void startThread(Runnable task, String name) {
        Thread thread = threads.newThread(task);
        try {
            thread.setName(name);
        } catch (SecurityException e) {
            // a container may not let us rename its threads; the name is only for thread dumps
        }
        thread.start();
    }

    /**
     * The periodic tick: a heartbeat, and routine discovery when due (not while the watch is asking about a
     * silent owner). The heartbeat goes first: it is how a silent owner is noticed, and a discovery round may
     * itself wait for a time-out at that owner. (Outcomes are retried by the outcome sender's own thread.)
     */
    public void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            heartbeat.beat();
            boolean routine = owner.get().isEmpty() || discovery.isDue(settings.discoveryInterval());
            if (routine && watch.suspected().isEmpty()) {
                discovery.discover();
            }
        } finally {
            ticking.set(false);
        }
    }

    /**
     * Stops polling at once (a claim in progress is abandoned: its attempts are not run), reports the claimed runs
     * that wait for a run thread failed without starting them, lets running work finish for the grace period, then
     * interrupts what still runs and reports it failed (so that the owner retries it at once, per its job's retry
     * policy, rather than after taking this worker for lost), then delivers what outcomes it can and logs how many
     * it could not.
     */
    public void stop() {
        watch.stop();
        pollLoop.stop();
        api.abortPolls();
        int notStarted = runs.refuseWaiting("the worker stopped before it started the run");
        if (notStarted > 0) {
            LOG.info(() -> notStarted + " claimed run(s) of app " + settings.app()
                    + " had not started when the worker stopped: reported failed");
        }
        runPool.shutdown();
        try {
            if (!runPool.awaitTermination(settings.timeouts().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                int interrupted = runner.interruptAll("the worker stopped (its application was stopped or undeployed)"
                        + " before the run ended; interrupted after the grace period of "
                        + settings.timeouts().shutdownGrace());
                LOG.warning(() -> interrupted + " run(s) of app " + settings.app() + " still active after the grace"
                        + " period: interrupted and reported failed, to be retried per their jobs' retry policies");
                runPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runPool.shutdownNow();
        }
        runWatch.stop();
        outcomes.stop();
        logShipper.stop();
        logShipper.flushAll();
        if (!outcomes.flush()) {
            LOG.warning(() -> outcomes.waiting() + " outcome(s) of app " + settings.app()
                    + " could not be delivered before shutdown; the owner will treat those runs as lost");
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

    /** Outcomes of runs not yet answered for by a server. */
    public int undeliveredOutcomes() {
        return outcomes.waiting();
    }
}
