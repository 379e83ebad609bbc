package io.campanile.scheduler.infrastructure.timer;

import io.campanile.scheduler.application.LeaveCluster;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.ServerLoop;
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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's local clock tick, which calls {@link ServerLoop#tick()} every
 * {@code campanile.tick.millis}. It runs on a managed scheduled executor of its own: EJB timers are
 * delivered at most once a second on Payara by default, too coarse for firing CRON jobs on time, and
 * the container's default scheduled executor is shared and single-threaded. Nothing here is
 * persistent or clustered.
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

    private ScheduledFuture<?> ticking;
    private Thread shutdownHook;

    @PostConstruct
    void start() {
        ticking = executor.scheduleWithFixedDelay(this::tick, 0, settings.tickMillis(), TimeUnit.MILLISECONDS);
        shutdownHook = new Thread(this::leave, "campanile-leave-cluster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void tick() {
        try {
            loop.tick();
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: keep ticking whatever happened
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
        ticking.cancel(false);
        try {
            leaveCluster.leave();
        } catch (RuntimeException | LinkageError e) {
            // the container is stopping under us; leases expire on their own
            LOG.log(Level.WARNING, "Could not hand apps over while stopping", e);
        }
    }
}
