package io.campanile.api.client;

import jakarta.ws.rs.client.WebTarget;

/**
 * Which live jobs of an app to list, by name, and which page: {@code JobListing.all().namePrefix("report-")
 * .enabled(false)}. Immutable; each method returns a changed copy.
 */
public final class JobListing {

    private final String namePrefix;
    private final Boolean enabled;
    private final Integer limit;
    private final String cursor;

    private JobListing(String namePrefix, Boolean enabled, Integer limit, String cursor) {
        this.namePrefix = namePrefix;
        this.enabled = enabled;
        this.limit = limit;
        this.cursor = cursor;
    }

    /** Every live job of the app, by name, the server's default page size (50). */
    public static JobListing all() {
        return new JobListing(null, null, null, null);
    }

    public JobListing namePrefix(String prefix) {
        return new JobListing(prefix, enabled, limit, cursor);
    }

    /** Only enabled jobs (true) or only paused ones (false). */
    public JobListing enabled(boolean enabledOnly) {
        return new JobListing(namePrefix, enabledOnly, limit, cursor);
    }

    /** At most this many a page, 1 to 1000. */
    public JobListing limit(int pageSize) {
        return new JobListing(namePrefix, enabled, pageSize, cursor);
    }

    /** The page after the one whose {@code next} this is. */
    public JobListing after(String next) {
        return new JobListing(namePrefix, enabled, limit, next);
    }

    WebTarget applyTo(WebTarget target) {
        WebTarget t = target;
        t = namePrefix == null ? t : t.queryParam("name", namePrefix);
        t = enabled == null ? t : t.queryParam("enabled", enabled);
        t = limit == null ? t : t.queryParam("limit", limit);
        return cursor == null ? t : t.queryParam("cursor", cursor);
    }
}
