package io.campanile.deployments.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How times are written in raw JSON text. JSON-B writes an {@link Instant} as an ISO-8601 string
 * ({@code "2026-11-30T04:09:46Z"}); Jackson, which WildFly switches to on its own, writes a number of seconds
 * ({@code 1796005286.000000000}), which the worker cannot read.
 */
final class JsonTimes {

    private static final Pattern ISO_INSTANT =
            Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z\"");

    private JsonTimes() {}

    /** Every value of {@code "field":} in the text, as written: a quoted string, a number, {@code null}... */
    static List<String> valuesOf(String json, String field) {
        return Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\]\\s]*)")
                .matcher(json)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    /** Whether a JSON value is a string holding an ISO-8601 instant in UTC. */
    static boolean isIsoInstant(String value) {
        if (!ISO_INSTANT.matcher(value).matches()) {
            return false;
        }
        try {
            Instant.parse(value.substring(1, value.length() - 1));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
