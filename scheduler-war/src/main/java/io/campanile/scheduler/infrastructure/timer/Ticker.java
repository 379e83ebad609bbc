package io.campanile.scheduler.infrastructure.timer;

import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.LeaveCluster;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.ServerLoop;
import io.campanile.scheduler.application.ServerLoops;
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
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's local clock ticks: one calls {@link ServerLoop#tick()} every {@code campanile.tick.millis}, and sooner
 * at each instant the application asks for ({@link TickAlarms}: a fire written ahead is to be written, a job changed);
 * the other calls {@link ServerLoop#dispatchTick()} as often, and sooner when work becomes waiting or due (a lead
 * before its time), so that work is handed out within a millisecond or two of its time, never behind the first
 * loop's transactions. Each is a long-running task of a managed executor of its own, waiting between steps on a
 * condition ({@link WakingLoop}): EJB timers are delivered at most once a second on Payara by default, and the
 * container's default scheduled executor is shared and single-threaded. Nothing here is persistent or clustered.
 *
 * <p>On shutdown it hands the server's apps over from a JVM shutdown hook, which runs as soon as the
 * process gets SIGTERM: the container calls {@code @PreDestroy} only seconds later (it first waits
 * for held long-polls), too late for a hand-off within a second. On undeploy, {@code @PreDestroy}
 * does it.
 */
@ManagedScheduledExecutorDefinition(name = Ticker.EXECUTOR, maxAsync = 3)
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

    @Inject
    private ServerLoops loops;

    private WakingLoop ticks;
    private WakingLoop dispatches;
    private Thread shutdownHook;

    @PostConstruct
    void start() {
        ticks = new WakingLoop("tick", new TickAlarms(clock, clock.monotonic(), settings.tickMillis()), () -> {
            loops.stepped("tick");
            loop.tick();
        });
        dispatches = new WakingLoop("dispatch", new TickAlarms(clock, clock.monotonic(), settings.tickMillis()), () -> {
            loops.stepped("dispatch");
            loop.dispatchTick();
        });
        dueWork.onEarlierLook(ticks::wakeBy);
        dueWork.onEarlierDispatch(dispatches::wakeBy);
        run(ticks, "campanile-tick");
        run(dispatches, "campanile-dispatch");
        shutdownHook = new Thread(this::leave, "campanile-leave-cluster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void run(WakingLoop wakingLoop, String name) {
        executor.execute(ManagedExecutors.managedTask(
                wakingLoop, Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, name), null));
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
        loops.stopped();
        ticks.stop();
        dispatches.stop();
        try {
            leaveCluster.leave();
        } catch (RuntimeException | LinkageError e) {
            // the container is stopping under us; leases expire on their own
            LOG.log(Level.WARNING, "Could not hand apps over while stopping", e);
        }
    }
}
