package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.Role;
import io.campanile.scheduler.domain.access.Principal;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;

/**
 * The token an admin request came with, as the request's {@link SecurityContext}: resources that must know who calls
 * (a new token's creator, the apps a limited token may list) take it with {@code @Context SecurityContext}.
 */
record AdminCaller(Principal principal, boolean secure) implements SecurityContext, java.security.Principal {

    /** The caller of a request that passed {@link CredentialsFilter}; never a guess (fails if none was set). */
    static Principal of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof AdminCaller caller) {
            return caller.principal();
        }
        throw new IllegalStateException("an admin request reached a resource without a checked caller");
    }

    @Override
    public String getName() {
        return principal.name();
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return this;
    }

    @Override
    public boolean isUserInRole(String role) {
        try {
            return principal.role().covers(Role.valueOf(role.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
