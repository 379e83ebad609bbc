package io.campanile.scheduler.domain.access;

import java.time.Instant;

/**
 * Which audit entries a listing shows; each null part lets every entry through.
 *
 * @param from entries at or after this
 * @param to entries before this
 */
public record AuditFilter(String app, String actor, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }
}
