package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.FirePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A listing of an app's instances as asked for: filters, order, page size and where the page starts. Read from the
 * query parameters' text, each problem refused (400) with the parameter named.
 *
 * @param job the job, by id or name; null for every job
 * @param from fire times at or after this
 * @param to fire times before this
 * @param after the position the page starts after; null for the first page
 */
public record InstanceQuery(
        JobRef job,
        Set<InstanceState> states,
        Instant from,
        Instant to,
        String worker,
        boolean newestFirst,
        int limit,
        FirePosition after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    static final String NEWEST_FIRST = "-fireTime";
    static final String OLDEST_FIRST = "fireTime";

    /** The query parameters as sent; null for an absent one. {@code states}: each {@code state=}, or a comma list. */
    public record Text(
            String job,
            List<String> states,
            String from,
            String to,
            String worker,
            String sort,
            String limit,
            String cursor) {}

    public static InstanceQuery parse(Text text) {
        Instant from = instant("from", text.from());
        Instant to = instant("to", text.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw RequestRejected.invalid("from", "is after to (" + to + ")");
        }
        boolean newestFirst = newestFirst(text.sort());
        return new InstanceQuery(
                text.job() == null ? null : JobRef.parse("job", text.job()),
                states(text.states()),
                from,
                to,
                text.worker() == null ? null : Check.identifier("worker", text.worker(), 200),
                newestFirst,
                text.limit() == null ? DEFAULT_LIMIT : (int) Check.wholeNumber("limit", text.limit(), 1, MAX_LIMIT),
                text.cursor() == null ? null : position(text.cursor(), newestFirst));
    }

    /** The cursor of the page that follows the one ending with the instance at {@code last}. */
    public String cursorAfter(FirePosition last) {
        Instant at = last.fireTime();
        return PageCursor.of(List.of(
                "instances",
                order(newestFirst),
                Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano()),
                Long.toString(last.id())));
    }

    private static FirePosition position(String cursor, boolean newestFirst) {
        List<String> parts = PageCursor.parts(cursor, 5, List.of("instances", order(newestFirst)));
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts.get(2)), Long.parseLong(parts.get(3)));
            return new FirePosition(at, Long.parseLong(parts.get(4)));
        } catch (NumberFormatException | DateTimeException e) {
            throw PageCursor.invalid(cursor);
        }
    }

    private static String order(boolean newestFirst) {
        return newestFirst ? NEWEST_FIRST : OLDEST_FIRST;
    }

    private static boolean newestFirst(String sort) {
        if (sort == null || sort.equals(NEWEST_FIRST)) {
            return true;
        }
        if (sort.equals(OLDEST_FIRST)) {
            return false;
        }
        throw RequestRejected.invalid(
                "sort",
                Check.quote(sort) + " is not a sort order: " + NEWEST_FIRST + " (newest fire time first, the default)"
                        + " or " + OLDEST_FIRST);
    }

    private static Set<InstanceState> states(List<String> texts) {
        Set<InstanceState> states = EnumSet.noneOf(InstanceState.class);
        if (texts == null) {
            return states;
        }
        for (String text : texts) {
            for (String name : text.split(",", -1)) {
                states.add(state(name.trim()));
            }
        }
        return states;
    }

    private static InstanceState state(String name) {
        for (InstanceState state : InstanceState.values()) {
            if (state.name().equals(name)) {
                return state;
            }
        }
        throw RequestRejected.invalid(
                "state", Check.quote(name) + " is not one of " + Arrays.toString(InstanceState.values()));
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
