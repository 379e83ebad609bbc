package io.campanile.scheduler.infrastructure.config;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.HandedOut;
import io.campanile.scheduler.application.PublishWorkers;
import io.campanile.scheduler.application.RecoverLostWork;
import io.campanile.scheduler.application.SchedulerMetrics;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.WaitingPolls;
import io.campanile.scheduler.application.WorkerRegistry;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.ElectionEvents;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.time.MonotonicClock;
import io.campanile.scheduler.infrastructure.persistence.ConfiguredDataSource;
import io.campanile.scheduler.infrastructure.persistence.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the server's plain objects from MicroProfile Config (see docs/configuration.md). */
@ApplicationScoped
public class ServerWiring {

    private static final Logger LOG = Logger.getLogger(ServerWiring.class.getName());

    private final Config config = ConfigProvider.getConfig();

    @Produces
    @Singleton
    SchedulerSettings settings() {
        SchedulerSettings d = SchedulerSettings.defaults();
        SchedulerSettings settings = new SchedulerSettings(
                millis("campanile.lease.millis", d.leaseMillis()),
                millis("campanile.lease.renew-millis", d.renewMillis()),
                millis("campanile.ping.timeout-millis", d.pingTimeoutMillis()),
                (int) millis("campanile.poll.hold-seconds", d.pollHoldSeconds()),
                millis("campanile.tick.millis", d.tickMillis()),
                millis("campanile.dispatch.hand-out-millis", d.handOutMillis()),
                millis("campanile.worker.timeout-millis", d.workerTimeoutMillis()),
                millis("campanile.server.alive-millis", d.serverAliveMillis()),
                (int) millis("campanile.misfire.max-catch-up", d.maxCatchUpFires()),
                millis("campanile.fire.look-ahead-millis", d.lookAheadMillis()),
                millis("campanile.misfire.threshold-millis", d.misfireThresholdMillis()),
                (int) millis("campanile.worker.missed-heartbeats", d.missedHeartbeats()),
                (int) millis("campanile.worker.missed-heartbeats-alone", d.missedHeartbeatsAlone()),
                millis("campanile.dispatch.no-worker-wait-millis", d.noWorkerWaitMillis()),
                millis("campanile.logs.retention-hours", d.logRetentionMillis() / 3_600_000) * 3_600_000,
                config.getOptionalValue("campanile.dispatch.lead-millis", Long.class)
                        .orElse(d.leadMillis()));
        if (settings.leadMillis() < 0 || settings.leadMillis() >= settings.lookAheadMillis()) {
            throw new IllegalArgumentException("campanile.dispatch.lead-millis must be at least 0 and less than"
                    + " campanile.fire.look-ahead-millis (" + settings.lookAheadMillis() + "), was "
                    + settings.leadMillis());
        }
        return settings;
    }

    private long millis(String key, long fallback) {
        long value = config.getOptionalValue(key, Long.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return value;
    }

    @Produces
    @Singleton
    ServerIdentity identity() {
        String url =
                config.getOptionalValue("campanile.server.url", String.class).orElse("http://127.0.0.1:8080/campanile");
        String id =
                "s-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.info(() -> "Campanile server " + id + " at " + url);
        return new ServerIdentity(id, url.replaceAll("/+$", ""));
    }

    @Produces
    @Singleton
    Credentials credentials() {
        return new Credentials(
                token("campanile.admin.token", Credentials.DEV_ADMIN_TOKEN),
                token("campanile.cluster.token", Credentials.DEV_CLUSTER_TOKEN));
    }

    private String token(String key, String devDefault) {
        return config.getOptionalValue(key, String.class)
                .filter(t -> !t.isBlank())
                .orElseGet(() -> {
                    LOG.warning(() -> key + " is not set: using the development default from the README. "
                            + "Set it for any shared or production server.");
                    return devDefault;
                });
    }

    /** The SQL dialect of the database the WAR's data source is configured for (not a bean of its own: an enum). */
    @Produces
    Dialect dialect() {
        return Dialect.of(ConfiguredDataSource.url());
    }

    @Produces
    @Singleton
    DatabaseClock clock() {
        return new DatabaseClock(Clock.systemUTC(), MonotonicClock.system());
    }

    @Produces
    @Singleton
    HeldApps held(
            DatabaseClock clock,
            SchedulerSettings settings,
            WaitingPolls polls,
            WorkerRegistry workers,
            DueWork dueWork,
            PublishWorkers publishWorkers,
            HandedOut handedOut,
            RecoverLostWork recoverLostWork,
            SchedulerMetrics metrics) {
        HeldApps held = new HeldApps(clock.monotonic(), settings.safetyMillis());
        held.onLost(app -> {
            metrics.appLost();
            polls.rejectAll(app);
            workers.forgetApp(app);
            dueWork.forget(app);
            publishWorkers.forget(app);
            handedOut.forget(app);
            recoverLostWork.forget(app);
        });
        return held;
    }

    @Produces
    @Singleton
    Election election(
            OwnershipRepository repository,
            Peers peers,
            ServerIdentity me,
            HeldApps held,
            DatabaseClock clock,
            SchedulerSettings settings,
            SchedulerMetrics metrics) {
        Election election = new Election(repository, peers, me, held, clock.monotonic(), settings.leaseMillis());
        election.onEvents(new ElectionEvents() {
            @Override
            public void tookOver(String appName, OwnershipChangeReason reason) {
                metrics.ownershipChanged(reason);
            }

            @Override
            public void renewalFailed() {
                metrics.leaseRenewalFailed();
            }
        });
        return election;
    }
}
