package io.campanile.scheduler.application;

import java.util.List;

/**
 * A listing of an app's live jobs as asked for, by name: a name prefix, enabled or paused, page size and where the
 * page starts. Read from the query parameters' text, each problem refused (400) with the parameter named.
 *
 * @param afterName the name the page starts after; null for the first page
 */
public record JobQuery(String namePrefix, Boolean enabled, int limit, String afterName) {

    /** The query parameters as sent; null for an absent one. */
    public record Text(String name, String enabled, String limit, String cursor) {}

    public static JobQuery parse(Text text) {
        return new JobQuery(
                text.name() == null
                        ? null
                        : Check.matches(
                                "name",
                                text.name(),
                                JobRef.NAME,
                                "a name prefix of 1-128 letters, digits, '.', '_' or '-'"),
                enabled(text.enabled()),
                text.limit() == null
                        ? InstanceQuery.DEFAULT_LIMIT
                        : (int) Check.wholeNumber("limit", text.limit(), 1, InstanceQuery.MAX_LIMIT),
                text.cursor() == null ? null : afterName(text.cursor()));
    }

    /** The cursor of the page that follows the one ending with the job named {@code lastName}. */
    public static String cursorAfter(String lastName) {
        return PageCursor.of(List.of("jobs", "name", lastName));
    }

    private static String afterName(String cursor) {
        String name = PageCursor.parts(cursor, 3, List.of("jobs", "name")).get(2);
        if (!JobRef.NAME.matcher(name).matches()) {
            throw PageCursor.invalid(cursor);
        }
        return name;
    }

    private static Boolean enabled(String text) {
        if (text == null) {
            return null;
        }
        return Check.bool("enabled", text);
    }
}
