package io.campanile.scheduler.domain.election;

import io.campanile.scheduler.domain.time.MonotonicClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The apps this server holds, each with the epoch it holds and how long it may still act on it.
 * It is a cache of the {@code server_info} rows that name this server: entries are added after a
 * won take-over or a renewal, and removed the moment a renewal finds the epoch changed.
 *
 * <p>Local validity ends {@code safetyMillis} before the lease this server last wrote, measured on
 * this host's monotonic clock from the moment the renewal was sent (a wall clock stepped back would
 * stretch it), so an owner that cannot reach the
 * database stops acting before any other server may take over. Database writes are fenced anyway;
 * this only keeps a cut-off owner from dispatching work it could no longer record.
 */
public class HeldApps {

    private final MonotonicClock clock;
    private final long safetyMillis;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile Consumer<String> onLost = app -> {};
    private volatile boolean leaving;

    public HeldApps(MonotonicClock clock, long safetyMillis) {
        this.clock = clock;
        this.safetyMillis = safetyMillis;
    }

    public void onLost(Consumer<String> listener) {
        this.onLost = listener;
    }

    /** Records a lease written at {@code writtenAtMillis} (monotonic clock, taken before the write). */
    public void hold(String appName, long epoch, long writtenAtMillis, long leaseMillis) {
        if (leaving) {
            return;
        }
        long validUntil = writtenAtMillis + leaseMillis - safetyMillis;
        held.merge(appName, new Held(epoch, validUntil, clock.millis()), HeldApps::newer);
    }

    /** The epoch this server may act on for the app, if it still holds it. */
    public Optional<Long> epochOf(String appName) {
        Held h = held.get(appName);
        if (h == null || leaving || clock.millis() >= h.validUntilMillis) {
            return Optional.empty();
        }
        return Optional.of(h.epoch);
    }

    public boolean holds(String appName, long epoch) {
        return epochOf(appName).map(e -> e == epoch).orElse(false);
    }

    /** Forgets the app (its epoch changed or this server gave it away) and tells the listener. */
    public void lose(String appName, long epoch) {
        boolean[] removed = {false};
        held.computeIfPresent(appName, (k, h) -> {
            removed[0] = h.epoch == epoch;
            return removed[0] ? null : h;
        });
        if (removed[0]) {
            onLost.accept(appName);
        }
    }

    /** Every app with the epoch last held, including ones whose local validity has lapsed. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        held.forEach((app, h) -> copy.put(app, h.epoch));
        return copy;
    }

    /**
     * Stops acting on every app at once; the returned apps are to be handed over. The listener is not
     * told: the server is stopping, and the hand-off comes first.
     */
    public List<Map.Entry<String, Long>> leave() {
        leaving = true;
        List<Map.Entry<String, Long>> apps = List.copyOf(snapshot().entrySet());
        held.clear();
        return apps;
    }

    public boolean isLeaving() {
        return leaving;
    }

    /** How long this server has held the app at its current epoch (0 if it does not hold it). */
    public long heldForMillis(String appName) {
        Held h = held.get(appName);
        return h == null ? 0 : clock.millis() - h.sinceMillis;
    }

    private static Held newer(Held old, Held fresh) {
        if (fresh.epoch == old.epoch) {
            return new Held(old.epoch, Math.max(old.validUntilMillis, fresh.validUntilMillis), old.sinceMillis);
        }
        return fresh.epoch > old.epoch ? fresh : old;
    }

    private record Held(long epoch, long validUntilMillis, long sinceMillis) {}
}
