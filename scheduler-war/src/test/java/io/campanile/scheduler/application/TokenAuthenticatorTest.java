package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.Role;
import io.campanile.scheduler.domain.access.ApiToken;
import io.campanile.scheduler.domain.access.ApiTokenRepository;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.TokenSecret;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Tokens tokens = new Tokens();
    private final TokenAuthenticator authenticator = new TokenAuthenticator(tokens, clock);

    @Test
    void a_stored_token_is_found_by_its_secret_and_a_wrong_one_is_not() {
        String secret = TokenSecret.generate();
        tokens.add(new ApiToken("ci", Role.OPERATOR, Set.of("shop"), TokenSecret.hash(secret), null, "bootstrap"));

        assertThat(authenticator.authenticate(secret)).contains(new Principal("ci", Role.OPERATOR, Set.of("shop")));
        assertThat(authenticator.authenticate(TokenSecret.generate())).isEmpty();
        assertThat(authenticator.authenticate("campanile-dev-admin-token")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(tokens.lookups)
                .as("only a bearer shaped like a token is looked up")
                .isEqualTo(2);
    }

    @Test
    void a_token_revoked_elsewhere_stops_working_within_the_cache_time() {
        String secret = TokenSecret.generate();
        tokens.add(new ApiToken("ci", Role.VIEWER, null, TokenSecret.hash(secret), null, "bootstrap"));
        assertThat(authenticator.authenticate(secret)).isPresent();

        tokens.remove("ci"); // by another server: this one's cache still holds it
        clock.advanceMillis(TokenAuthenticator.CACHE_MILLIS);
        assertThat(authenticator.authenticate(secret)).isPresent();
        clock.advanceMillis(1);
        assertThat(authenticator.authenticate(secret)).isEmpty();
    }

    @Test
    void a_token_revoked_here_stops_working_at_once() {
        String secret = TokenSecret.generate();
        tokens.add(new ApiToken("ci", Role.VIEWER, null, TokenSecret.hash(secret), null, "bootstrap"));
        assertThat(authenticator.authenticate(secret)).isPresent();

        tokens.remove("ci");
        authenticator.forget();

        assertThat(authenticator.authenticate(secret)).isEmpty();
    }

    @Test
    void secrets_are_random_and_shaped_for_the_quick_check() {
        String a = TokenSecret.generate();
        assertThat(a).startsWith("cpt_").isNotEqualTo(TokenSecret.generate());
        assertThat(TokenSecret.looksLikeOne(a)).isTrue();
        assertThat(TokenSecret.looksLikeOne(a + "x")).isFalse();
        assertThat(TokenSecret.hash(a)).hasSize(64).doesNotContain(a.substring(4));
    }

    private static final class Tokens implements ApiTokenRepository {
        private final Map<String, ApiToken> byName = new ConcurrentHashMap<>();
        int lookups;

        @Override
        public boolean add(ApiToken token) {
            return byName.putIfAbsent(token.name(), token) == null;
        }

        @Override
        public Optional<ApiToken> findByHash(String secretHash) {
            lookups++;
            return byName.values().stream()
                    .filter(t -> t.secretHash().equals(secretHash))
                    .findFirst();
        }

        @Override
        public Optional<ApiToken> find(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public List<ApiToken> findAll() {
            return List.copyOf(byName.values());
        }

        @Override
        public boolean remove(String name) {
            return byName.remove(name) != null;
        }
    }
}
