package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.app.AppRepository;
import io.campanile.scheduler.domain.app.AppSecrets;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a worker's app secret: the app's current one, or the one a rotation replaced until its grace ends (by the
 * database's clock, checked at every request, so the cache never lengthens a grace). The stored hashes are cached
 * for {@link #CACHE_MILLIS}, since workers present the secret on every heartbeat and poll; a secret that does not
 * match a cached entry older than {@link #RELOAD_MILLIS} reloads it, so that a secret rotated on another server is
 * accepted here within a second, while wrong secrets cost at most one read a second per app.
 */
@ApplicationScoped
public class AppAuthenticator {

    static final long CACHE_MILLIS = 10_000;
    static final long RELOAD_MILLIS = 1_000;

    private AppRepository apps;
    private MonotonicClock monotonic;
    private Clock databaseTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    protected AppAuthenticator() {}

    @Inject
    public AppAuthenticator(AppRepository apps, DatabaseClock clock) {
        this(apps, clock.monotonic(), clock);
    }

    AppAuthenticator(AppRepository apps, MonotonicClock monotonic, Clock databaseTime) {
        this.apps = apps;
        this.monotonic = monotonic;
        this.databaseTime = databaseTime;
    }

    public boolean verify(String appName, String presentedSecret) {
        if (appName == null || presentedSecret == null) {
            return false;
        }
        long now = monotonic.millis();
        Cached cached = cache.get(appName);
        if (cached == null || now - cached.loadedAtMillis > CACHE_MILLIS) {
            cached = load(appName, now);
        }
        if (cached == null) {
            return false;
        }
        if (cached.secrets.accept(presentedSecret, databaseTime.instant())) {
            return true;
        }
        if (now - cached.loadedAtMillis <= RELOAD_MILLIS) {
            return false;
        }
        cached = load(appName, now);
        return cached != null && cached.secrets.accept(presentedSecret, databaseTime.instant());
    }

    /** The app's secrets changed here: read them afresh at the next request. */
    public void forget(String appName) {
        cache.remove(appName);
    }

    private Cached load(String appName, long now) {
        var app = apps.find(appName);
        if (app.isEmpty()) {
            cache.remove(appName);
            return null;
        }
        Cached cached = new Cached(app.get().secrets(), now);
        cache.put(appName, cached);
        return cached;
    }

    private record Cached(AppSecrets secrets, long loadedAtMillis) {}
}
