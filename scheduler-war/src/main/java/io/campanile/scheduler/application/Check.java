package io.campanile.scheduler.application;

import java.util.regex.Pattern;

/** Input checks that name the field at fault. */
final class Check {

    private Check() {}

    static <T> T present(String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw RequestRejected.invalid(field, "is required");
        }
        return value;
    }

    static String matches(String field, String value, Pattern pattern, String rule) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw RequestRejected.invalid(field, "'" + value + "' is not valid: " + rule);
        }
        return value;
    }

    static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw RequestRejected.invalid(field, "is longer than " + max + " characters");
        }
    }
}
