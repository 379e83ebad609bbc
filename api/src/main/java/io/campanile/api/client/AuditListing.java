package io.campanile.api.client;

import jakarta.ws.rs.client.WebTarget;
import java.time.Instant;

/**
 * Which audit entries to list, and which page: {@code AuditListing.all().app("shop").actor("ci").limit(100)}. Newest
 * first. Immutable; each method returns a changed copy.
 */
public final class AuditListing {

    private final String app;
    private final String actor;
    private final Instant from;
    private final Instant to;
    private final Integer limit;
    private final String cursor;

    private AuditListing(String app, String actor, Instant from, Instant to, Integer limit, String cursor) {
        this.app = app;
        this.actor = actor;
        this.from = from;
        this.to = to;
        this.limit = limit;
        this.cursor = cursor;
    }

    /** Every entry, newest first, the server's default page size (50). */
    public static AuditListing all() {
        return new AuditListing(null, null, null, null, null, null);
    }

    /** Only the entries about this app. */
    public AuditListing app(String name) {
        return new AuditListing(name, actor, from, to, limit, cursor);
    }

    /** Only the entries of this token ({@code bootstrap}: the configured admin token). */
    public AuditListing actor(String tokenName) {
        return new AuditListing(app, tokenName, from, to, limit, cursor);
    }

    /** Only entries at or after {@code from} (null: no bound) and before {@code to} (null: no bound). */
    public AuditListing between(Instant from, Instant to) {
        return new AuditListing(app, actor, from, to, limit, cursor);
    }

    public AuditListing limit(int pageSize) {
        return new AuditListing(app, actor, from, to, pageSize, cursor);
    }

    /** The page after the one whose {@code next} this is. */
    public AuditListing after(String next) {
        return new AuditListing(app, actor, from, to, limit, next);
    }

    WebTarget applyTo(WebTarget target) {
        WebTarget t = target;
        t = app == null ? t : t.queryParam("app", app);
        t = actor == null ? t : t.queryParam("actor", actor);
        t = from == null ? t : t.queryParam("from", from.toString());
        t = to == null ? t : t.queryParam("to", to.toString());
        t = limit == null ? t : t.queryParam("limit", limit);
        return cursor == null ? t : t.queryParam("cursor", cursor);
    }
}
