package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes what the owner sees of an app's workers (see {@link WorkerSummary}) for the admin API of every server.
 * Writes only when the summary changed, and not before the owner has held the app for {@link #SETTLE_MILLIS}: a new
 * owner knows no workers until they heartbeat to it, and must not report "no live worker" meanwhile.
 */
@ApplicationScoped
public class PublishWorkers {

    static final long SETTLE_MILLIS = 5000;

    private WorkerRegistry workers;
    private WorkerSummaryRepository summaries;
    private SchedulerSettings settings;
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    protected PublishWorkers() {}

    @Inject
    public PublishWorkers(WorkerRegistry workers, WorkerSummaryRepository summaries, SchedulerSettings settings) {
        this.workers = workers;
        this.summaries = summaries;
        this.settings = settings;
    }

    public void publish(String appName, long epoch, long heldForMillis) {
        if (heldForMillis < SETTLE_MILLIS) {
            return;
        }
        WorkerSummary now = workers.summary(appName, settings.missedHeartbeats());
        Published last = published.get(appName);
        if (last != null && last.epoch == epoch && last.summary.equals(now)) {
            return;
        }
        summaries.publish(now, epoch);
        published.put(appName, new Published(epoch, now));
    }

    public void forget(String appName) {
        published.remove(appName);
    }

    private record Published(long epoch, WorkerSummary summary) {}
}
