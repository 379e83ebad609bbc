package io.campanile.scheduler.infrastructure.metrics;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.ReportedState;
import io.campanile.scheduler.application.SchedulerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's counters and histograms in a Micrometer registry of its own (not a global one: two WARs in one JVM
 * must not share it), scraped in the Prometheus format by {@link MetricsScrape}. Labels: app names and fixed enums.
 */
@ApplicationScoped
public class MicrometerMetrics implements SchedulerMetrics {

    /** Fire lag buckets: a scheduler on time starts within milliseconds; a minute late is an outage. */
    private static final Duration[] LAG_BUCKETS =
            buckets(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000);

    private static final Duration[] DB_BUCKETS = buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Integer> dueWaiting = new ConcurrentHashMap<>();
    // the meters of the hot path (one lag sample and one run end per run), looked up once: apps are few and
    // registered, operations a fixed enum
    private final Map<String, Timer> lagByApp = new ConcurrentHashMap<>();
    private final Map<String, Counter> runsByAppAndOutcome = new ConcurrentHashMap<>();
    private final Map<DbCall, Timer> dbCalls = new ConcurrentHashMap<>();

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Each app's due WAITING instances at its last hand-out. */
    Map<String, Integer> dueWaiting() {
        return dueWaiting;
    }

    @Override
    public void firesCreated(String app, int count) {
        if (count > 0) {
            Counter.builder("campanile.fires")
                    .description("Instances created for fire times of scheduled jobs")
                    .tag("app", app)
                    .register(registry)
                    .increment(count);
        }
    }

    @Override
    public void firesSkipped(String app, SkipReason reason, int count) {
        Counter.builder("campanile.fires.skipped")
                .description("Fire times recorded SKIPPED instead of run (a collapsed run of missed fires counts once)")
                .tag("app", app)
                .tag("reason", reason.name())
                .register(registry)
                .increment(count);
    }

    @Override
    public void runEnded(String app, ReportedState outcome) {
        runsByAppAndOutcome
                .computeIfAbsent(app + '\n' + outcome, k -> Counter.builder("campanile.runs.ended")
                        .description("Attempts ended as their workers reported and this server recorded")
                        .tag("app", app)
                        .tag("outcome", outcome.name())
                        .register(registry))
                .increment();
    }

    @Override
    public void fireLag(String app, Duration lag) {
        lagByApp.computeIfAbsent(app, k -> Timer.builder("campanile.fire.lag")
                        .description("From a first attempt's fire time to its processor's start on the worker")
                        .tag("app", app)
                        .serviceLevelObjectives(LAG_BUCKETS)
                        .register(registry))
                .record(lag);
    }

    @Override
    public void ownershipChanged(OwnershipChangeReason reason) {
        Counter.builder("campanile.ownership.changes")
                .description("Apps this server took over, by why")
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }

    @Override
    public void appLost() {
        Counter.builder("campanile.apps.lost")
                .description("Apps this server stopped holding (taken over by another, or fenced out)")
                .register(registry)
                .increment();
    }

    @Override
    public void leaseRenewalFailed() {
        Counter.builder("campanile.lease.renewal.failures")
                .description("Lease renewal statements that failed")
                .register(registry)
                .increment();
    }

    @Override
    public void dueWaiting(String app, int count) {
        dueWaiting.put(app, count);
    }

    @Override
    public <T> T timed(DbCall call, Supplier<T> work) {
        Timer timer = dbCalls.computeIfAbsent(call, k -> Timer.builder("campanile.db.call")
                .description("Latency of the main database calls of the run path")
                .tag("operation", call.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(DB_BUCKETS)
                .register(registry));
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Duration[] buckets(long... millis) {
        Duration[] buckets = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            buckets[i] = Duration.ofMillis(millis[i]);
        }
        return buckets;
    }
}
