package io.campanile.api.admin;

import java.util.List;

/**
 * One page of an app's live jobs, by name.
 *
 * @param next the cursor of the next page (pass it as {@code cursor=}); null on the last page
 * @param total how many jobs match the filters, on all pages
 */
public record JobPage(List<JobView> items, String next, long total) {}
