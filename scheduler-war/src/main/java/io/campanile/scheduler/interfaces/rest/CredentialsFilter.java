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
 * {@code /api/worker}. A missing or wrong credential is answered 401 before anything runs; an admin request whose
 * token lacks the role or app scope it needs ({@link Access}) 403. No credential is ever logged.
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

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        String presented = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (path.startsWith("admin") || path.startsWith("v1") || path.startsWith("metrics")) {
            Optional<Principal> caller = caller(presented);
            check(request, caller.isPresent(), "the admin token or an API token");
            caller.ifPresent(who -> authorize(request, who, path));
        } else if (path.startsWith("cluster")) {
            check(request, sameToken(presented, credentials.clusterToken()), "the cluster token");
        } else if (path.startsWith("worker")) {
            check(
                    request,
                    Check.isAppName(request.getHeaderString(Headers.APP))
                            && apps.verify(request.getHeaderString(Headers.APP), presented),
                    "the app's name in " + Headers.APP + " and its secret");
        }
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
