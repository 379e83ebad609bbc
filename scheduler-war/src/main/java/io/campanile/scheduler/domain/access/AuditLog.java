package io.campanile.scheduler.domain.access;

import java.util.List;

/** The audit log of the admin API, newest entry first (keyset paging on the id, which grows with every entry). */
public interface AuditLog {

    void append(AuditRecord record);

    /** The entries that pass the filter with an id below {@code beforeId} (all when null), newest first, at most limit. */
    List<AuditRecord> page(AuditFilter filter, Long beforeId, int limit);

    long count(AuditFilter filter);
}
