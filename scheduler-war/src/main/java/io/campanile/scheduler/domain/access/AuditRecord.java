package io.campanile.scheduler.domain.access;

import java.time.Instant;

/**
 * One entry of the audit log: who did what through the admin API, with what outcome, and the target's state before
 * and after as JSON text (never a secret).
 *
 * @param id null before it is stored
 * @param at by the database's clock; null before it is stored
 * @param before JSON text of the target before; null when none
 * @param after JSON text of the target after; null when none
 */
public record AuditRecord(
        Long id,
        Instant at,
        String actor,
        String action,
        String method,
        String path,
        String app,
        String targetKind,
        String targetId,
        int status,
        boolean denied,
        String serverId,
        String before,
        String after) {}
