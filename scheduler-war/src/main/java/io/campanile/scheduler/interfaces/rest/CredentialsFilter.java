package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.Headers;
import io.campanile.scheduler.application.AppAuthenticator;
import io.campanile.scheduler.application.Check;
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

/**
 * Checks the credential every path needs: the admin token under {@code /api/v1}, {@code /api/admin} and
 * {@code /api/metrics}, the cluster
 * token under {@code /api/cluster}, the app's secret under {@code /api/worker}. A missing or wrong
 * credential is answered 401 before anything runs; no credential is ever logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialsFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Credentials credentials;

    @Inject
    AppAuthenticator apps;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        String presented = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (path.startsWith("admin") || path.startsWith("v1") || path.startsWith("metrics")) {
            check(request, sameToken(presented, credentials.adminToken()), "the admin token");
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
