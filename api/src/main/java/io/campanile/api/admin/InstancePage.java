package io.campanile.api.admin;

import java.util.List;

/**
 * One page of an app's instances.
 *
 * @param next the cursor of the next page (pass it as {@code cursor=}); null on the last page
 * @param total how many instances match the filters, on all pages
 */
public record InstancePage(List<InstanceView> items, String next, long total) {}
