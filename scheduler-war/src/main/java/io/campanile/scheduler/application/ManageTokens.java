package io.campanile.scheduler.application;

import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenRequest;
import io.campanile.api.admin.TokenView;
import io.campanile.scheduler.domain.access.ApiToken;
import io.campanile.scheduler.domain.access.ApiTokenRepository;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.TokenSecret;
import io.campanile.scheduler.domain.app.AppRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates, lists and revokes API tokens; a new token's secret is shown once and stored only as its hash. */
@ApplicationScoped
public class ManageTokens {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_APPS = 100;

    private ApiTokenRepository tokens;
    private AppRepository apps;
    private TokenAuthenticator authenticator;

    protected ManageTokens() {}

    @Inject
    public ManageTokens(ApiTokenRepository tokens, AppRepository apps, TokenAuthenticator authenticator) {
        this.tokens = tokens;
        this.apps = apps;
        this.authenticator = authenticator;
    }

    @Transactional
    public TokenCreated create(TokenRequest request, Principal creator) {
        Check.present("body", request);
        String name = Check.matches("name", request.name(), NAME, "1-64 letters, digits, '.', '_' or '-'");
        if (name.equalsIgnoreCase(Principal.BOOTSTRAP)) {
            throw RequestRejected.invalid("name", "'" + Principal.BOOTSTRAP + "' is the configured admin token's name");
        }
        Check.present("role", request.role());
        Set<String> scope = scope(request.apps());
        String secret = TokenSecret.generate();
        ApiToken token = new ApiToken(name, request.role(), scope, TokenSecret.hash(secret), null, creator.name());
        if (!tokens.add(token)) {
            throw RequestRejected.conflict("a token named '" + name + "' exists already");
        }
        return new TokenCreated(view(tokens.find(name).orElseThrow()), secret);
    }

    @Transactional
    public List<TokenView> list() {
        return tokens.findAll().stream().map(ManageTokens::view).toList();
    }

    @Transactional
    public TokenView get(String name) {
        return view(tokens.find(checkedName(name))
                .orElseThrow(() -> RequestRejected.notFound("no token named '" + name + "'")));
    }

    /** Deletes the token: it stops working at once on this server, within the cache time on the others. */
    @Transactional
    public TokenView revoke(String name) {
        TokenView gone = get(name);
        tokens.remove(name);
        authenticator.forget();
        return gone;
    }

    private static String checkedName(String name) {
        return Check.matches("name", name, NAME, "1-64 letters, digits, '.', '_' or '-'");
    }

    private Set<String> scope(List<String> names) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty() || names.size() > MAX_APPS) {
            throw RequestRejected.invalid(
                    "apps", "must name 1 to " + MAX_APPS + " apps (leave it out for every app), not " + names.size());
        }
        Set<String> scope = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String field = "apps[" + i + "]";
            String app = Check.appName(field, names.get(i));
            if (apps.find(app).isEmpty()) {
                throw RequestRejected.invalid(field, "no app named '" + app + "'");
            }
            scope.add(app);
        }
        return scope;
    }

    static TokenView view(ApiToken token) {
        return new TokenView(
                token.name(),
                token.role(),
                token.apps() == null ? null : new ArrayList<>(new java.util.TreeSet<>(token.apps())),
                token.createdAt(),
                token.createdBy());
    }
}
