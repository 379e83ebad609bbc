package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.access.AuditLog;
import io.campanile.scheduler.domain.access.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Appends an entry to the audit log in a transaction of its own, after the change it records committed (so a failed
 * write cannot undo the change; the caller logs it, see {@code AuditRecorder}).
 */
@ApplicationScoped
public class RecordAudit {

    static final int MAX_STATE = 200_000;
    static final int MAX_PATH = 1000;

    private AuditLog log;

    protected RecordAudit() {}

    @Inject
    public RecordAudit(AuditLog log) {
        this.log = log;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditRecord entry) {
        log.append(fitted(entry));
    }

    /** Cut to the columns' sizes: a state too large is replaced by a note, never stored in part (it is JSON). */
    static AuditRecord fitted(AuditRecord r) {
        return new AuditRecord(
                r.id(),
                r.at(),
                r.actor(),
                cut(r.action(), 64),
                r.method(),
                cut(r.path(), MAX_PATH),
                r.app(),
                r.targetKind(),
                cut(r.targetId(), 200),
                r.status(),
                r.denied(),
                r.serverId(),
                state(r.before()),
                state(r.after()));
    }

    private static String state(String json) {
        return json == null || json.length() <= MAX_STATE ? json : "{\"omitted\":\"larger than 200000 characters\"}";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
