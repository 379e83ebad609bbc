package io.campanile.scheduler.application;

import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.scheduler.domain.time.MonotonicClock;
import io.campanile.scheduler.domain.worker.WorkerStatus;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The workers of the apps this server owns, as their heartbeats describe them. Kept in memory: after a failover the
 * workers find the new owner and heartbeat to it within seconds.
 *
 * <p>Bounded: at most {@link #MAX_WORKERS_PER_APP} workers per app. When an app is full, workers silent for longer
 * than {@link #FORGET_MILLIS} are forgotten first; a new worker that still finds no room is refused (503), while the
 * known workers go on.
 */
@ApplicationScoped
public class WorkerRegistry {

    public static final int MAX_WORKERS_PER_APP = 1000;
    static final long FORGET_MILLIS = 60_000;

    private MonotonicClock clock;
    private int missedAlone;
    private final Hearing hearing = new Hearing();
    private final Map<String, Map<String, Seen>> byApp = new ConcurrentHashMap<>();

    protected WorkerRegistry() {}

    @Inject
    public WorkerRegistry(DatabaseClock clock, SchedulerSettings settings) {
        this(clock.monotonic(), settings.missedHeartbeatsAlone());
    }

    /** A registry with the default number of heartbeats a worker may miss while this server hears no other. */
    public WorkerRegistry(MonotonicClock clock) {
        this(clock, SchedulerSettings.defaults().missedHeartbeatsAlone());
    }

    public WorkerRegistry(MonotonicClock clock, int missedHeartbeatsAlone) {
        this.clock = clock;
        this.missedAlone = missedHeartbeatsAlone;
    }

    /** @throws RequestRejected (unavailable) if the app already has the most workers this server tracks */
    public void record(String appName, WorkerHeartbeat heartbeat) {
        long now = clock.millis();
        workersOf(appName, heartbeat.workerId()).put(heartbeat.workerId(), new Seen(heartbeat, now, now));
        hearing.heard(now);
    }

    /**
     * Any request from a worker (a poll, a report) shows it is alive, not only its heartbeats.
     *
     * @throws RequestRejected (unavailable) if the app already has the most workers this server tracks
     */
    public void seen(String appName, String workerId) {
        workersOf(appName, workerId)
                .merge(
                        workerId,
                        new Seen(null, clock.millis(), NEVER),
                        (old, fresh) -> new Seen(old.heartbeat, fresh.atMillis, old.heartbeatAtMillis));
        hearing.heard(clock.millis());
    }

    /**
     * Whether the worker seen so is live at {@code now}: heard from within {@code missedHeartbeats} of its periods
     * (plus the allowance); or, past that, while this server heard no other worker throughout its silence (it may be
     * the one cut off), within the larger number of heartbeats a worker may miss then.
     */
    private boolean alive(Seen seen, long now, int missedHeartbeats) {
        return seen.liveAt(now, missedHeartbeats, Math.max(missedHeartbeats, missedAlone), hearing.since(now));
    }

    private Map<String, Seen> workersOf(String appName, String workerId) {
        Map<String, Seen> workers = byApp.computeIfAbsent(appName, k -> new ConcurrentHashMap<>());
        if (workers.size() >= MAX_WORKERS_PER_APP && !workers.containsKey(workerId)) {
            long now = clock.millis();
            workers.values().removeIf(seen -> now - seen.atMillis > FORGET_MILLIS);
            if (workers.size() >= MAX_WORKERS_PER_APP) {
                throw RequestRejected.unavailable("app " + appName + " already has " + MAX_WORKERS_PER_APP
                        + " live workers, the most one server tracks; worker ids must be stable across restarts");
            }
        }
        return workers;
    }

    /** Whether this server heard from the worker since it holds the app (or since it forgot the worker). */
    public boolean knows(String appName, String workerId) {
        return byApp.getOrDefault(appName, Map.of()).containsKey(workerId);
    }

    /**
     * Whether the worker is live: heard from within {@code missedHeartbeats} of its heartbeat periods (plus an
     * allowance for jitter). A worker this server never heard from is not.
     */
    public boolean isLive(String appName, String workerId, int missedHeartbeats) {
        Seen seen = byApp.getOrDefault(appName, Map.of()).get(workerId);
        return seen != null && alive(seen, clock.millis(), missedHeartbeats);
    }

    /** Orders workers by how busy their last heartbeat said they were: idle, cool and with free heap first. */
    public Comparator<String> leastLoadedFirst(String appName) {
        Map<String, Seen> workers = byApp.getOrDefault(appName, Map.of());
        return Comparator.<String>comparingInt(w ->
                        heartbeat(workers, w).map(WorkerHeartbeat::activeRuns).orElse(0))
                .thenComparingDouble(w ->
                        heartbeat(workers, w).map(h -> Math.max(0, h.cpuLoad())).orElse(0.0))
                .thenComparingDouble(w -> -heartbeat(workers, w)
                        .map(h -> h.maxHeapBytes() <= 0 ? 0.0 : (double) h.freeHeapBytes() / h.maxHeapBytes())
                        .orElse(0.0));
    }

    private static Optional<WorkerHeartbeat> heartbeat(Map<String, Seen> workers, String workerId) {
        return Optional.ofNullable(workers.get(workerId)).map(Seen::heartbeat);
    }

    /**
     * The app's live workers and the union of their processors (unknown if a live worker does not report its
     * processors).
     */
    public WorkerSummary summary(String appName, int missedHeartbeats) {
        long now = clock.millis();
        List<Seen> live = byApp.getOrDefault(appName, Map.of()).values().stream()
                .filter(seen -> alive(seen, now, missedHeartbeats))
                .toList();
        Set<String> processors = new TreeSet<>();
        for (Seen seen : live) {
            if (seen.heartbeat == null || seen.heartbeat.processors() == null) {
                return WorkerSummary.of(appName, live.size(), null);
            }
            processors.addAll(seen.heartbeat.processors());
        }
        return WorkerSummary.of(appName, live.size(), processors);
    }

    /** The app's known workers that missed {@code missedHeartbeats} heartbeats: lost. */
    public Set<String> lost(String appName, int missedHeartbeats) {
        long now = clock.millis();
        return byApp.getOrDefault(appName, Map.of()).entrySet().stream()
                .filter(e -> !alive(e.getValue(), now, missedHeartbeats))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Forgets these workers of the app unless they were heard from meanwhile (their lost work was handled). */
    public void forgetLost(String appName, Set<String> workerIds, int missedHeartbeats) {
        Map<String, Seen> workers = byApp.get(appName);
        if (workers != null) {
            long now = clock.millis();
            workerIds.forEach(
                    w -> workers.computeIfPresent(w, (k, seen) -> alive(seen, now, missedHeartbeats) ? seen : null));
        }
    }

    public void forgetApp(String appName) {
        byApp.remove(appName);
    }

    /** What this server knows of a worker, for the admin API. */
    public record Known(
            String workerId,
            boolean live,
            long millisSinceHeard,
            Long millisSinceHeartbeat,
            WorkerHeartbeat heartbeat) {}

    /** Every worker of the app this server knows, live or not, by id. */
    public List<Known> known(String appName, int missedHeartbeats) {
        long now = clock.millis();
        return byApp.getOrDefault(appName, Map.of()).entrySet().stream()
                .map(e -> new Known(
                        e.getKey(),
                        alive(e.getValue(), now, missedHeartbeats),
                        now - e.getValue().atMillis,
                        e.getValue().heartbeatAtMillis == NEVER ? null : now - e.getValue().heartbeatAtMillis,
                        e.getValue().heartbeat))
                .sorted(Comparator.comparing(Known::workerId))
                .toList();
    }

    /** The app's live workers as worker selection reads them. */
    public List<WorkerStatus> live(String appName, int missedHeartbeats) {
        long now = clock.millis();
        return byApp.getOrDefault(appName, Map.of()).entrySet().stream()
                .filter(e -> alive(e.getValue(), now, missedHeartbeats))
                .map(e -> status(e.getKey(), e.getValue().heartbeat))
                .toList();
    }

    /** What selection knows of the worker: unheard if this server has no heartbeat of it. */
    public WorkerStatus status(String appName, String workerId) {
        Seen seen = byApp.getOrDefault(appName, Map.of()).get(workerId);
        return status(workerId, seen == null ? null : seen.heartbeat);
    }

    private static WorkerStatus status(String workerId, WorkerHeartbeat h) {
        if (h == null) {
            return WorkerStatus.unheard(workerId);
        }
        return new WorkerStatus(
                workerId,
                true,
                h.tags() == null ? Set.of() : Set.copyOf(h.tags()),
                Optional.ofNullable(h.processors()).map(Set::copyOf),
                h.cpuLoad(),
                OptionalLong.of(h.freeHeapBytes()),
                h.freeDiskBytes() == null ? OptionalLong.empty() : OptionalLong.of(h.freeDiskBytes()),
                h.capacity(),
                h.activeRuns());
    }

    private static final long NEVER = Long.MIN_VALUE;

    private record Seen(WorkerHeartbeat heartbeat, long atMillis, long heartbeatAtMillis) {

        /** A worker that does not say how often it heartbeats: the worker's default period. */
        static final long DEFAULT_PERIOD_MILLIS = 1000;

        /**
         * @param hearingSince since when the server has heard workers without a gap ({@link Hearing#NEVER}: it hears
         *     none now)
         */
        boolean liveAt(long now, int missed, int missedAlone, long hearingSince) {
            long silence = now - atMillis;
            long limit = limit(missed);
            if (silence < limit) {
                return true;
            }
            if (silence >= limit(missedAlone)) {
                return false;
            }
            // between the two: lost only if the server heard other workers all along the worker's own silence
            return hearingSince == Hearing.NEVER || now - Math.max(atMillis, hearingSince) < limit;
        }

        private long limit(int missedHeartbeats) {
            long period = heartbeat != null && heartbeat.heartbeatMillis() != null && heartbeat.heartbeatMillis() > 0
                    ? heartbeat.heartbeatMillis()
                    : DEFAULT_PERIOD_MILLIS;
            return Math.min((long) missedHeartbeats * Math.min(period, MAX_SILENCE_MILLIS), MAX_SILENCE_MILLIS)
                    + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS;
        }
    }

    /** However slowly a worker says it heartbeats, it is lost after this long a silence. */
    static final long MAX_SILENCE_MILLIS = 10 * 60_000;
}
