package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.access.ApiTokenRepository;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.TokenSecret;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the API token a request's bearer is the secret of. A token found is kept for {@link #CACHE_MILLIS}, so a
 * token revoked on another server still works here for at most that long (on the server that revoked it, not at
 * all). A bearer that is no token is looked up every time: only tokens that exist fill the cache.
 */
@ApplicationScoped
public class TokenAuthenticator {

    /** How long a revocation may take to reach every server (documented in api.md). */
    public static final long CACHE_MILLIS = 10_000;

    private ApiTokenRepository tokens;
    private MonotonicClock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    protected TokenAuthenticator() {}

    @Inject
    public TokenAuthenticator(ApiTokenRepository tokens, DatabaseClock clock) {
        this(tokens, clock.monotonic());
    }

    public TokenAuthenticator(ApiTokenRepository tokens, MonotonicClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The principal of the token whose secret was presented; empty when it is none. */
    public Optional<Principal> authenticate(String presented) {
        if (!TokenSecret.looksLikeOne(presented)) {
            return Optional.empty();
        }
        String hash = TokenSecret.hash(presented);
        long now = clock.millis();
        Cached cached = cache.get(hash);
        if (cached != null && now - cached.loadedAtMillis() <= CACHE_MILLIS) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = tokens.findByHash(hash).map(t -> t.principal());
        found.ifPresentOrElse(p -> cache.put(hash, new Cached(p, now)), () -> cache.remove(hash));
        return found;
    }

    /** Forgets every cached token at once (after a revocation on this server). */
    public void forget() {
        cache.clear();
    }

    private record Cached(Principal principal, long loadedAtMillis) {}
}
