package io.campanile.scheduler.application;

import java.util.List;

/**
 * A page of apps as asked for, by name: its size and the name it starts after. Read from the query parameters' text,
 * each problem refused (400) with the parameter named.
 *
 * @param afterName the name the page starts after; null for the first page
 */
public record AppQuery(int limit, String afterName) {

    public static AppQuery parse(String limit, String cursor) {
        return new AppQuery(
                limit == null
                        ? InstanceQuery.DEFAULT_LIMIT
                        : (int) Check.wholeNumber("limit", limit, 1, InstanceQuery.MAX_LIMIT),
                cursor == null ? null : afterName(cursor));
    }

    /** The cursor of the page that follows the one ending with the app named {@code lastName}. */
    public static String cursorAfter(String lastName) {
        return PageCursor.of(List.of("apps", "name", lastName));
    }

    private static String afterName(String cursor) {
        String name = PageCursor.parts(cursor, 3, List.of("apps", "name")).get(2);
        if (!Check.isAppName(name)) {
            throw PageCursor.invalid(cursor);
        }
        return name;
    }
}
