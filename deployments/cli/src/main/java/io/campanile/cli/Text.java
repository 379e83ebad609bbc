package io.campanile.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** How values read in tables and detail views: {@code -} for nothing, instants to the second, one line per cell. */
final class Text {

    private static final int LONGEST_CELL = 60;

    private Text() {}

    static String cell(Object value) {
        String text = value(value).replaceAll("\\s+", " ");
        return text.length() <= LONGEST_CELL ? text : text.substring(0, LONGEST_CELL - 3) + "...";
    }

    static String value(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty()
                    ? "-"
                    : String.join(",", items.stream().map(Text::value).toList());
        }
        String text = value.toString();
        return text.isEmpty() ? "-" : text;
    }

    /** {@code name: value} lines, the names aligned, values in full. */
    static String details(Map<String, Object> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(name)
                .append(':')
                .append(" ".repeat(width - name.length() + 1))
                .append(value(value))
                .append('\n'));
        return text.toString();
    }

    /** An ordered map for {@link #details}; nulls are kept (they show as {@code -}). */
    static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }
}
