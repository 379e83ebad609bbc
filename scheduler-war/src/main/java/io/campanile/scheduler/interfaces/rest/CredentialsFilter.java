package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.Headers;
import io.campanile.scheduler.application.AppAuthenticator;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.TokenAuthenticator;
import io.campanile.scheduler.domain.access.Access;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.RequestTarget;
import io.campanile.scheduler.infrastructure.config.Credentials;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks the credential every path needs: the configured admin token or an API token under {@code /api/v1},
 * {@code /api/admin} and {@code /api/metrics}, the cluster token under {@code /api/cluster}, the app's secret under
 * {@code /api/worker}; none for {@code /api/health} and {@code /api/openapi}. A missing or wrong credential is
 * answered 401 before anything runs; an admin request whose token lacks the role or app scope it needs
 * ({@link Access}) 403. No credential is ever logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialsFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Credentials credentials;

    @Inject
    AppAuthenticator apps;

    @Inject
    TokenAuthenticator tokens;

    @Inject
    AuditEntries audit;

    /** The request property holding the {@link Access} decided for an admin request (read by the audit recorder). */
    static final String ACCESS = "io.campanile.access";

    /** The credential a path needs; the OpenAPI document names the same for each operation. */
    enum Needed {
        ADMIN_TOKEN,
        CLUSTER_TOKEN,
        APP_SECRET,
        NONE
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        String presented = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (needed(path)) {
            case ADMIN_TOKEN -> {
                Optional<Principal> caller = caller(presented);
                check(request, caller.isPresent(), "the admin token or an API token");
                caller.ifPresent(who -> authorize(request, who, path));
            }
            case CLUSTER_TOKEN -> check(request, sameToken(presented, credentials.clusterToken()), "the cluster token");
            case APP_SECRET -> check(
                    request,
                    Check.isAppName(request.getHeaderString(Headers.APP))
                            && apps.verify(request.getHeaderString(Headers.APP), presented),
                    "the app's name in " + Headers.APP + " and its secret");
            case NONE -> {
                // health and the OpenAPI document are for anyone
            }
        }
    }

    /** {@code path}: relative to the application path ({@code /api}), with or without a leading slash. */
    static Needed needed(String path) {
        String relative = path.replaceFirst("^/+", "");
        if (relative.startsWith("admin") || relative.startsWith("v1") || relative.startsWith("metrics")) {
            return Needed.ADMIN_TOKEN;
        } else if (relative.startsWith("cluster")) {
            return Needed.CLUSTER_TOKEN;
        } else if (relative.startsWith("worker")) {
            return Needed.APP_SECRET;
        }
        return Needed.NONE;
    }

    private Optional<Principal> caller(String presented) {
        if (sameToken(presented, credentials.adminToken())) {
            return Optional.of(Principal.bootstrap());
        }
        return tokens.authenticate(presented);
    }

    private void authorize(ContainerRequestContext request, Principal who, String path) {
        Access access = Access.decide(who, request.getMethod(), RequestTarget.of(path));
        request.setProperty(ACCESS, access);
        request.setProperty(AuditRecorder.CALLER, who);
        if (access.allowed()) {
            request.setSecurityContext(
                    new AdminCaller(who, request.getSecurityContext().isSecure()));
        } else {
            audit.denied(request, access, who);
            request.abortWith(Errors.of(403, access.denial()));
        }
    }

    private static void check(ContainerRequestContext request, boolean ok, String expected) {
        if (!ok) {
            request.abortWith(Errors.of(
                    401, "missing or wrong credentials: send " + expected + " as 'Authorization: Bearer ...'"));
        }
    }

    private static String bearer(String header) {
        return header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).trim()
                : null;
    }

    private static boolean sameToken(String presented, String expected) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
