package io.campanile.scheduler.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The opaque {@code next}/{@code cursor} of a paged listing: what it lists and its order, then the position of the
 * last item of the page before, as URL-safe Base64 of text. Clients pass it back as they got it; anything else is
 * refused as {@code cursor} (400), never read as some other position.
 */
final class PageCursor {

    static final String FIELD = "cursor";
    private static final String SEPARATOR = "\n";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,1000}");

    private PageCursor() {}

    static String of(List<String> parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #of} with {@code count} parts, the first ones equal to {@code head}. */
    static List<String> parts(String cursor, int count, List<String> head) {
        if (cursor == null || !BASE64URL.matcher(cursor).matches()) {
            throw invalid(cursor);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        List<String> parts = List.of(text.split(SEPARATOR, -1));
        if (parts.size() != count || !parts.subList(0, head.size()).equals(head)) {
            throw invalid(cursor);
        }
        return parts;
    }

    static RequestRejected invalid(String cursor) {
        return RequestRejected.invalid(
                FIELD,
                Check.quote(cursor) + " is not a cursor of this listing in this order: pass the 'next' of its"
                        + " previous page as it came, with the same sort");
    }
}
