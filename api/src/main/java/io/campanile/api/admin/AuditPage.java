package io.campanile.api.admin;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param next the cursor of the next page (pass it as {@code cursor=}); null on the last page
 * @param total how many entries match the filters, on all pages
 */
public record AuditPage(List<AuditEntry> items, String next, long total) {}
