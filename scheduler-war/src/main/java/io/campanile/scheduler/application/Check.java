package io.campanile.scheduler.application;

import java.util.regex.Pattern;

/**
 * Input checks that name the field at fault. Messages echo at most {@link #ECHO} characters of
 * what was sent, so a 20 MB value costs a short answer.
 */
public final class Check {

    /** How much of a rejected value an error message repeats. */
    public static final int ECHO = 80;

    private Check() {}

    public static <T> T present(String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw RequestRejected.invalid(field, "is required");
        }
        return value;
    }

    public static String matches(String field, String value, Pattern pattern, String rule) {
        present(field, value);
        if (value.length() > 10_000 || !pattern.matcher(value).matches()) {
            throw RequestRejected.invalid(field, quote(value) + " is not valid: " + rule);
        }
        return value;
    }

    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw RequestRejected.invalid(
                    field, "is longer than " + max + " characters (" + value.length() + " characters)");
        }
    }

    /**
     * A required name or id (a worker id, a processor, a request id): 1 to {@code max} characters,
     * no control character (not even a tab or a line break), not only blanks.
     */
    public static String identifier(String field, String value, int max) {
        present(field, value);
        maxLength(field, value, max);
        refuseControlCharacters(field, value, false);
        return value;
    }

    /** Free text (parameters, a message): at most {@code max} characters, tab and line breaks allowed. */
    public static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        maxLength(field, value, max);
        refuseControlCharacters(field, value, true);
        return value;
    }

    private static void refuseControlCharacters(String field, String value, boolean lineBreaksAndTabs) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = lineBreaksAndTabs && (c == '\t' || c == '\n' || c == '\r');
            if (Character.isISOControl(c) && !allowed) {
                throw RequestRejected.invalid(
                        field, String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
        }
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw RequestRejected.invalid(field, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** An app name as it may be registered; anything else cannot name an app. */
    public static String appName(String field, String value) {
        return matches(field, value, ManageApps.NAME, "1-64 letters, digits, '.', '_' or '-'");
    }

    public static boolean isAppName(String value) {
        return value != null
                && value.length() <= 64
                && ManageApps.NAME.matcher(value).matches();
    }

    /** A whole number sent as text (a path or query parameter), with the field named if it is not. */
    public static long wholeNumber(String field, String value, long min, long max) {
        present(field, value);
        try {
            return range(field, Long.parseLong(value.trim()), min, max);
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid(field, quote(value) + " is not a whole number");
        }
    }

    /** {@code true} or {@code false} sent as text (a query parameter), with the field named if it is neither. */
    public static boolean bool(String field, String value) {
        return switch (present(field, value)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestRejected.invalid(field, quote(value) + " is neither true nor false");
        };
    }

    /** At most {@link #ECHO} characters of {@code text}, marked when cut, for error messages. */
    public static String cut(String text) {
        if (text == null || text.length() <= ECHO) {
            return text;
        }
        return text.substring(0, ECHO) + "...(" + text.length() + " characters)";
    }

    /** The value quoted for an error message, cut to {@link #ECHO} characters. */
    public static String quote(String value) {
        return "'" + cut(value) + "'";
    }
}
