package io.campanile.api.admin;

import java.util.List;

/**
 * One page of the apps the caller may see, by name.
 *
 * @param next the cursor of the next page (pass it as {@code cursor=}); null on the last page
 * @param total how many apps the caller may see, on all pages
 */
public record AppPage(List<AppView> items, String next, long total) {}
