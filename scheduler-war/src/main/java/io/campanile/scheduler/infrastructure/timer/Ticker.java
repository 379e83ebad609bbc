package io.campanile.scheduler.infrastructure.timer;

import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.LeaveCluster;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.ServerLoop;
import io.campanile.scheduler.application.TickAlarms;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's local clock tick, which calls {@link ServerLoop#tick()} every {@code campanile.tick.millis}, and
 * sooner at each instant the application asks for ({@link TickAlarms}: a fire written ahead becomes due, a run
 * asked for at an instant, work that became waiting), so that work is dispatched within a millisecond or two of its
 * time rather than up to a period late. One long-running task of a managed executor of its own waits between ticks
 * on a condition: EJB timers are delivered at most once a second on Payara by default, and the container's default
 * scheduled executor is shared and single-threaded. Nothing here is persistent or clustered.
 *
 * <p>On shutdown it hands the server's apps over from a JVM shutdown hook, which runs as soon as the
 * process gets SIGTERM: the container calls {@code @PreDestroy} only seconds later (it first waits
 * for held long-polls), too late for a hand-off within a second. On undeploy, {@code @PreDestroy}
 * does it.
 */
@ManagedScheduledExecutorDefinition(name = Ticker.EXECUTOR, maxAsync = 2)
@Singleton
@Startup
@DependsOn("DataSourceSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Ticker {

    static final String EXECUTOR = "java:app/concurrent/campanile-ticker";
    private static final Logger LOG = Logger.getLogger(Ticker.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService executor;

    @Inject
    private ServerLoop loop;

    @Inject
    private LeaveCluster leaveCluster;

    @Inject
    private SchedulerSettings settings;

    @Inject
    private DueWork dueWork;

    @Inject
    private DatabaseClock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private TickAlarms alarms;
    /** When the loop wakes next (monotonic millis); guarded by {@link #lock}. */
    private long wakeAt;
    /** Guarded by {@link #lock}. */
    private boolean stopped;

    private Thread shutdownHook;

    @PostConstruct
    void start() {
        alarms = new TickAlarms(clock, clock.monotonic(), settings.tickMillis());
        dueWork.onEarlierLook(this::wakeBy);
        executor.execute(ManagedExecutors.managedTask(
                this::loop,
                Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, "campanile-tick"),
                null));
        shutdownHook = new Thread(this::leave, "campanile-leave-cluster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Ticks, then waits until the next tick is due or an earlier one is asked for, until stopped. */
    private void loop() {
        while (true) {
            long tickStart = alarms.monotonic().millis();
            tick();
            lock.lock();
            try {
                wakeAt = alarms.nextAfterTickAt(tickStart);
                long left;
                while (!stopped && (left = wakeAt - alarms.monotonic().millis()) > 0) {
                    woken.await(left, TimeUnit.MILLISECONDS);
                }
                if (stopped) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the container is stopping its threads
            } finally {
                lock.unlock();
            }
        }
    }

    /** Asks for a tick at {@code at} ({@link Instant#MIN}: now); wakes the loop if it planned a later one. */
    private void wakeBy(Instant at) {
        long deadline = alarms.askFor(at);
        lock.lock();
        try {
            if (deadline < wakeAt) {
                wakeAt = deadline;
                woken.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void tick() {
        try {
            loop.tick();
        } catch (RuntimeException e) {
            // the loop must outlive whatever one tick throws
            LOG.log(Level.WARNING, "Server tick failed", e);
        }
    }

    @PreDestroy
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) the same hand-off
        }
        leave();
    }

    /** Stops ticking, hands the apps to a peer, answers held polls; safe to call twice. */
    private void leave() {
        lock.lock();
        try {
            stopped = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
        try {
            leaveCluster.leave();
        } catch (RuntimeException | LinkageError e) {
            // the container is stopping under us; leases expire on their own
            LOG.log(Level.WARNING, "Could not hand apps over while stopping", e);
        }
    }
}
