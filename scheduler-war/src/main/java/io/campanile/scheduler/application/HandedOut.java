package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What the owner of an app has handed out to its workers and not yet seen claimed, in memory only: handing an
 * instance out writes nothing; the worker's claim, a conditional update under the epoch of the hand-out, is the
 * first write. An instance stays here, and is not handed out again, until one of these happens:
 *
 * <ul>
 *   <li>a claim for it was answered here (claimed or refused);
 *   <li>the same worker polls again: a worker polls only once every claim of its previous answer was answered, so
 *       what it was handed and did not claim it will never claim (a poll answer that never reached it, say);
 *   <li>the poll answer could not be delivered;
 *   <li>the worker is lost (no heartbeat for the worker time-out);
 *   <li>the hand-out is older than the back-stop ({@code campanile.dispatch.hand-out-millis});
 *   <li>this server stops owning the app (the next owner starts afresh: claims under the old epoch are refused).
 * </ul>
 *
 * None of these is needed for exactly-once execution: handing an instance out twice makes two claims race for one
 * conditional update, and the loser is told not to run it. They keep an app's work moving.
 */
@ApplicationScoped
public class HandedOut {

    /** The most hand-outs remembered per app; dispatch hands out nothing more until some are settled. */
    public static final int MAX_PER_APP = 20_000;

    private record HandOut(int attempt, String workerId, long atMillis, long jobId) {}

    private MonotonicClock clock;
    private final Map<String, Map<Long, HandOut>> byApp = new ConcurrentHashMap<>();

    protected HandedOut() {}

    @Inject
    public HandedOut(DatabaseClock clock) {
        this.clock = clock.monotonic();
    }

    public HandedOut(MonotonicClock clock) {
        this.clock = clock;
    }

    /** The ids of the app's instances handed out and not settled. */
    public Set<Long> ids(String appName) {
        Map<Long, HandOut> app = byApp.get(appName);
        if (app == null) {
            return Set.of();
        }
        synchronized (app) {
            return Set.copyOf(app.keySet());
        }
    }

    /** How many more the app may have handed out. */
    public int room(String appName) {
        Map<Long, HandOut> app = byApp.get(appName);
        if (app == null) {
            return MAX_PER_APP;
        }
        synchronized (app) {
            return Math.max(0, MAX_PER_APP - app.size());
        }
    }

    public void record(String appName, String workerId, Collection<Attempt> attempts) {
        record(appName, workerId, attempts, UNKNOWN_JOB);
    }

    private static final long UNKNOWN_JOB = 0;

    /** Records attempts of one job handed out to the worker. */
    public void record(String appName, String workerId, Collection<Attempt> attempts, long jobId) {
        Map<Long, HandOut> app = byApp.computeIfAbsent(appName, k -> new HashMap<>());
        long now = clock.millis();
        synchronized (app) {
            attempts.forEach(a -> app.put(a.instanceId(), new HandOut(a.attempt(), workerId, now, jobId)));
        }
    }

    /** The workers that instances of the job were handed out to and not yet settled. */
    public Set<String> workersOf(String appName, long jobId) {
        Map<Long, HandOut> app = byApp.get(appName);
        if (app == null) {
            return Set.of();
        }
        synchronized (app) {
            Set<String> workers = new java.util.HashSet<>();
            app.values().stream().filter(h -> h.jobId() == jobId).forEach(h -> workers.add(h.workerId()));
            return workers;
        }
    }

    /** Claims for these were answered, or their answer was not delivered: they may be handed out again. */
    public void settle(String appName, Collection<Long> instanceIds) {
        Map<Long, HandOut> app = byApp.get(appName);
        if (app != null) {
            synchronized (app) {
                instanceIds.forEach(app::remove);
            }
        }
    }

    /** The worker polls again: whatever it was handed before and did not claim is free again; returns how many. */
    public int releaseWorker(String appName, String workerId) {
        return releaseIf(appName, h -> h.workerId().equals(workerId));
    }

    /** Frees what lost workers were handed, and what was handed out longer ago than {@code maxMillis}. */
    public int releaseStale(String appName, long maxMillis, Predicate<String> workerAlive) {
        long now = clock.millis();
        return releaseIf(appName, h -> now - h.atMillis() >= maxMillis || !workerAlive.test(h.workerId()));
    }

    private int releaseIf(String appName, Predicate<HandOut> condition) {
        Map<Long, HandOut> app = byApp.get(appName);
        if (app == null) {
            return 0;
        }
        synchronized (app) {
            int before = app.size();
            app.values().removeIf(condition);
            return before - app.size();
        }
    }

    /** This server no longer owns the app. */
    public void forget(String appName) {
        byApp.remove(appName);
    }
}
