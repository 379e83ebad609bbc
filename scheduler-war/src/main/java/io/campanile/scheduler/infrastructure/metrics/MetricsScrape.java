package io.campanile.scheduler.infrastructure.metrics;

import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.WaitingPolls;
import io.campanile.scheduler.application.WorkerRegistry;
import io.campanile.scheduler.domain.election.HeldApps;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text of {@link MicrometerMetrics}, with the per-app gauges read fresh at each scrape from what the
 * server holds in memory: only apps this server holds now have a row, so an app it lost or handed over drops out at
 * the next scrape (no gauge keeps a lost app's last value).
 */
@ApplicationScoped
public class MetricsScrape {

    private MicrometerMetrics metrics;
    private HeldApps held;
    private WaitingPolls polls;
    private WorkerRegistry workers;
    private int missedHeartbeats;
    private MultiGauge epochs;
    private MultiGauge waitingPolls;
    private MultiGauge liveWorkers;
    private MultiGauge dueWaiting;

    protected MetricsScrape() {}

    @Inject
    public MetricsScrape(
            MicrometerMetrics metrics,
            HeldApps held,
            WaitingPolls polls,
            WorkerRegistry workers,
            SchedulerSettings settings) {
        this.metrics = metrics;
        this.held = held;
        this.polls = polls;
        this.workers = workers;
        this.missedHeartbeats = settings.missedHeartbeats();
    }

    @PostConstruct
    void register() {
        var registry = metrics.registry();
        registry.gauge("campanile.owned.apps", held, h -> h.snapshot().size());
        epochs = MultiGauge.builder("campanile.app.epoch")
                .description("The epoch of each app this server holds")
                .register(registry);
        waitingPolls = MultiGauge.builder("campanile.polls.waiting")
                .description("Workers' long-polls held for each app this server holds")
                .register(registry);
        liveWorkers = MultiGauge.builder("campanile.workers.live")
                .description("Live workers of each app this server holds, as its heartbeats tell")
                .register(registry);
        dueWaiting = MultiGauge.builder("campanile.dispatch.queue.depth")
                .description("Due WAITING instances of each app this server holds, at its last hand-out")
                .register(registry);
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        Map<String, Long> owned = held.snapshot();
        epochs.register(rows(owned, (app, epoch) -> epoch), true);
        waitingPolls.register(rows(owned, (app, epoch) -> polls.waiting(app)), true);
        liveWorkers.register(
                rows(owned, (app, epoch) -> workers.live(app, missedHeartbeats).size()), true);
        Map<String, Integer> due = metrics.dueWaiting();
        due.keySet().retainAll(owned.keySet()); // a lost app's last figure goes with it
        dueWaiting.register(rows(owned, (app, epoch) -> due.getOrDefault(app, 0)), true);
        return metrics.registry().scrape();
    }

    private interface Figure {
        Number of(String app, long epoch);
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> owned, Figure figure) {
        return owned.entrySet().stream()
                .<MultiGauge.Row<?>>map(
                        e -> MultiGauge.Row.of(Tags.of("app", e.getKey()), figure.of(e.getKey(), e.getValue())))
                .toList();
    }
}
