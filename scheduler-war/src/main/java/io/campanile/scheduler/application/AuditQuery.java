package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.access.AuditFilter;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * A listing of the audit log as asked for: filters, page size and where the page starts (newest first). Read from the
 * query parameters' text, each problem refused (400) with the parameter named.
 *
 * @param beforeId the page holds entries with lower ids; null for the first page
 */
public record AuditQuery(AuditFilter filter, int limit, Long beforeId) {

    /** The query parameters as sent; null for an absent one. */
    public record Text(String app, String actor, String from, String to, String limit, String cursor) {}

    public static AuditQuery parse(Text text) {
        Instant from = instant("from", text.from());
        Instant to = instant("to", text.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw RequestRejected.invalid("from", "is after to (" + to + ")");
        }
        return new AuditQuery(
                new AuditFilter(
                        text.app() == null ? null : Check.appName("app", text.app()),
                        text.actor() == null ? null : Check.identifier("actor", text.actor(), 64),
                        from,
                        to),
                text.limit() == null
                        ? InstanceQuery.DEFAULT_LIMIT
                        : (int) Check.wholeNumber("limit", text.limit(), 1, InstanceQuery.MAX_LIMIT),
                text.cursor() == null ? null : beforeId(text.cursor()));
    }

    /** The cursor of the page that follows the one ending with the entry {@code lastId}. */
    public static String cursorAfter(long lastId) {
        return PageCursor.of(List.of("audit", "-id", Long.toString(lastId)));
    }

    private static long beforeId(String cursor) {
        String id = PageCursor.parts(cursor, 3, List.of("audit", "-id")).get(2);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw PageCursor.invalid(cursor);
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw RequestRejected.invalid(
                    field, Check.quote(text) + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
