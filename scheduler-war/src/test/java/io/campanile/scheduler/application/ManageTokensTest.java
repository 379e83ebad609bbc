package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.admin.Role;
import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenRequest;
import io.campanile.scheduler.domain.access.ApiToken;
import io.campanile.scheduler.domain.access.ApiTokenRepository;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.TokenSecret;
import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppSecret;
import io.campanile.scheduler.testing.InMemoryApps;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManageTokensTest {

    private final Tokens tokens = new Tokens();
    private final InMemoryApps apps = new InMemoryApps();
    private final TokenAuthenticator authenticator =
            new TokenAuthenticator(tokens, new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
    private final ManageTokens manage = new ManageTokens(tokens, apps, authenticator);

    @Test
    void a_new_token_keeps_only_the_hash_of_its_secret_and_names_its_creator() {
        apps.add(new App("shop", AppSecret.of("secret-123"), Instant.EPOCH));
        TokenCreated created =
                manage.create(new TokenRequest("ci", Role.OPERATOR, List.of("shop")), Principal.bootstrap());

        assertThat(created.token().apps()).containsExactly("shop");
        assertThat(created.token().createdBy()).isEqualTo("bootstrap");
        ApiToken stored = tokens.find("ci").orElseThrow();
        assertThat(stored.secretHash())
                .isEqualTo(TokenSecret.hash(created.secret()))
                .doesNotContain(created.secret());
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(authenticator.authenticate(created.secret()).orElseThrow().role())
                .isEqualTo(Role.OPERATOR);
    }

    @Test
    void bad_requests_are_refused_naming_the_field_and_store_nothing() {
        assertRefused(new TokenRequest("Bootstrap", Role.ADMIN, null), "name");
        assertRefused(new TokenRequest("a b", Role.ADMIN, null), "name");
        assertRefused(new TokenRequest("ci", null, null), "role");
        assertRefused(new TokenRequest("ci", Role.VIEWER, List.of()), "apps");
        assertRefused(new TokenRequest("ci", Role.VIEWER, List.of("nope")), "apps[0]");
        assertThat(tokens.findAll()).isEmpty();
    }

    @Test
    void a_name_is_taken_once_and_a_revoked_token_stops_at_once_here() {
        TokenCreated first = manage.create(new TokenRequest("ci", Role.VIEWER, null), Principal.bootstrap());
        assertThatThrownBy(() -> manage.create(new TokenRequest("ci", Role.ADMIN, null), Principal.bootstrap()))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.kind()).isEqualTo(RequestRejected.Kind.CONFLICT));
        assertThat(authenticator.authenticate(first.secret())).isPresent();

        manage.revoke("ci");

        assertThat(authenticator.authenticate(first.secret())).isEmpty();
        assertThatThrownBy(() -> manage.revoke("ci"))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.kind()).isEqualTo(RequestRejected.Kind.NOT_FOUND));
    }

    private void assertRefused(TokenRequest request, String field) {
        assertThatThrownBy(() -> manage.create(request, Principal.bootstrap()))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static final class Tokens implements ApiTokenRepository {
        private final Map<String, ApiToken> byName = new TreeMap<>();

        @Override
        public boolean add(ApiToken token) {
            if (byName.containsKey(token.name())) {
                return false;
            }
            byName.put(
                    token.name(),
                    new ApiToken(
                            token.name(),
                            token.role(),
                            token.apps(),
                            token.secretHash(),
                            Instant.EPOCH,
                            token.createdBy()));
            return true;
        }

        @Override
        public Optional<ApiToken> findByHash(String secretHash) {
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
            return new ArrayList<>(byName.values());
        }

        @Override
        public boolean remove(String name) {
            return byName.remove(name) != null;
        }
    }
}
