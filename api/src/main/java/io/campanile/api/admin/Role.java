package io.campanile.api.admin;

/**
 * What an API token may do, each role including the one before it: {@code VIEWER} reads (every {@code GET}),
 * {@code OPERATOR} also runs jobs, stops, retries and marks instances, pauses and resumes jobs, {@code ADMIN} does
 * everything (apps, jobs, tokens, the audit log). docs/api.md has the table of endpoints and roles.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Whether a holder of this role may do what {@code needed} allows. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }
}
