package io.campanile.scheduler.domain.access;

import io.campanile.api.admin.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An API token as stored: its secret only as a hash ({@link TokenSecret}).
 *
 * @param apps the apps it is limited to; null for every app
 * @param createdAt by the database's clock; null before it is stored
 */
public record ApiToken(
        String name, Role role, Set<String> apps, String secretHash, Instant createdAt, String createdBy) {

    public ApiToken {
        apps = apps == null ? null : Set.copyOf(apps);
    }

    public Principal principal() {
        return new Principal(name, role, apps);
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role + ", apps=" + apps + "]";
    }
}
