package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.app.AppRepository;
import io.campanile.scheduler.domain.app.AppSecret;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a worker's app secret. The stored hash is cached briefly, since workers present the
 * secret on every heartbeat and poll.
 */
@ApplicationScoped
public class AppAuthenticator {

    private static final long CACHE_MILLIS = 10_000;

    private AppRepository apps;
    private MonotonicClock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    protected AppAuthenticator() {}

    @Inject
    public AppAuthenticator(AppRepository apps, DatabaseClock clock) {
        this.apps = apps;
        this.clock = clock.monotonic();
    }

    public boolean verify(String appName, String presentedSecret) {
        if (appName == null || presentedSecret == null) {
            return false;
        }
        long now = clock.millis();
        Cached cached = cache.get(appName);
        if (cached == null || now - cached.loadedAtMillis > CACHE_MILLIS) {
            var app = apps.find(appName);
            if (app.isEmpty()) {
                return false;
            }
            cached = new Cached(app.get().secret(), now);
            cache.put(appName, cached);
        }
        return cached.secret.matches(presentedSecret);
    }

    private record Cached(AppSecret secret, long loadedAtMillis) {}
}
