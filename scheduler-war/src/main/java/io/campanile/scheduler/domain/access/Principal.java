package io.campanile.scheduler.domain.access;

import io.campanile.api.admin.Role;
import java.util.Set;

/**
 * Who sent an admin request: a token's name, its role and the apps it is limited to.
 *
 * @param apps the apps the token may see and act on; null for every app (and the cluster-wide endpoints)
 */
public record Principal(String name, Role role, Set<String> apps) {

    /** The name the configured admin token ({@code campanile.admin.token}) acts under. */
    public static final String BOOTSTRAP = "bootstrap";

    public Principal {
        apps = apps == null ? null : Set.copyOf(apps);
    }

    /** The configured admin token: an admin of everything. */
    public static Principal bootstrap() {
        return new Principal(BOOTSTRAP, Role.ADMIN, null);
    }

    public boolean scoped() {
        return apps != null;
    }

    /** Whether the token may see and act on this app. */
    public boolean reaches(String app) {
        return apps == null || apps.contains(app);
    }
}
