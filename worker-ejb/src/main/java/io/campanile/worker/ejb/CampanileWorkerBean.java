package io.campanile.worker.ejb;

import io.campanile.worker.Worker;
import io.campanile.worker.config.InvalidSettingException;
import io.campanile.worker.config.SettingsReader;
import io.campanile.worker.config.WorkerSettings;
import io.campanile.worker.transport.JaxRsServerApi;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the Campanile worker with the business application and stops it with it. Thin: it reads the
 * settings, wires a {@link Worker} to container-managed threads and a non-persistent interval timer, and
 * delegates. A bad configuration is logged and leaves the worker off; it never fails the application.
 * Bean-managed concurrency: the worker is thread-safe, and a slow tick must not block the next one's
 * container lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CampanileWorkerBean {

    private static final Logger LOG = Logger.getLogger(CampanileWorkerBean.class.getName());

    @Resource
    private TimerService timerService;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threadFactory;

    @Inject
    private BeanManager beanManager;

    private JaxRsServerApi api;
    private Worker worker;

    @PostConstruct
    void start() {
        WorkerSettings settings;
        try {
            settings = new SettingsReader(MicroProfileSettings.of(config()), CampanileWorkerBean::hostName).read();
        } catch (InvalidSettingException e) {
            LOG.severe("Campanile worker NOT started: " + e.getMessage());
            return;
        }
        try {
            api = new JaxRsServerApi(settings, threadFactory);
            worker = new Worker(settings, api, new CdiProcessorLookup(beanManager), threadFactory, System::nanoTime);
            worker.start();
            long interval = settings.heartbeatInterval().toMillis();
            timerService.createIntervalTimer(interval, interval, new TimerConfig("campanile-worker-tick", false));
            LOG.info("Campanile worker " + settings.workerId() + " of app " + settings.app()
                    + " started: capacity " + settings.capacity() + ", discovering the owner among "
                    + settings.servers());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Campanile worker NOT started", e);
            stop();
        }
    }

    @Timeout
    void tick(Timer timer) {
        Worker current = worker;
        if (current != null) {
            current.tick();
        }
    }

    /** Stops the worker now (its web application is stopping); the {@code @PreDestroy} after it finds nothing to do. */
    public void shutdown() {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        try {
            timerService.getTimers().forEach(Timer::cancel);
        } catch (RuntimeException e) {
            // timers of a bean that is going away may already be gone
        }
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
