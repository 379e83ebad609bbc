package io.campanile.scheduler.application;

import io.campanile.api.admin.AuditEntry;
import io.campanile.api.admin.AuditPage;
import io.campanile.scheduler.domain.access.AuditLog;
import io.campanile.scheduler.domain.access.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;

/** Lists the audit log page by page, newest first, filtered, with the total that match. */
@ApplicationScoped
public class ListAudit {

    private AuditLog log;

    protected ListAudit() {}

    @Inject
    public ListAudit(AuditLog log) {
        this.log = log;
    }

    @Transactional
    public AuditPage list(AuditQuery query) {
        // one more than the page: whether a next page exists, without a second look
        List<AuditRecord> found = log.page(query.filter(), query.beforeId(), query.limit() + 1);
        List<AuditRecord> items = found.subList(0, Math.min(found.size(), query.limit()));
        String next = found.size() > query.limit()
                ? AuditQuery.cursorAfter(items.get(items.size() - 1).id())
                : null;
        return new AuditPage(items.stream().map(ListAudit::entry).toList(), next, log.count(query.filter()));
    }

    static AuditEntry entry(AuditRecord r) {
        return new AuditEntry(
                r.id(),
                r.at(),
                r.actor(),
                r.action(),
                r.method(),
                r.path(),
                r.app(),
                r.targetKind(),
                r.targetId(),
                r.status(),
                r.denied(),
                r.serverId(),
                json(r.before()),
                json(r.after()));
    }

    private static JsonObject json(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
