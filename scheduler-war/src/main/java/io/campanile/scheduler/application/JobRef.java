package io.campanile.scheduler.application;

import java.util.regex.Pattern;

/**
 * A job as a request names it: by id (digits only) or by name (unique among the app's live jobs). A job's name can
 * therefore not be digits only.
 */
public record JobRef(Long id, String name) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** @throws RequestRejected if the text is neither an id nor a possible name */
    public static JobRef parse(String text) {
        if (text != null && DIGITS.matcher(text).matches()) {
            return byId(InputLimits.jobId(text));
        }
        Check.matches("job", text, NAME, "a job id, or a job name of 1-128 letters, digits, '.', '_' or '-'");
        return new JobRef(null, text);
    }

    /** As {@link #parse}, a problem named as {@code field} (a query parameter naming a job). */
    public static JobRef parse(String field, String text) {
        if (text != null && DIGITS.matcher(text).matches()) {
            return byId(Check.wholeNumber(field, text, 1, Long.MAX_VALUE));
        }
        Check.matches(field, text, NAME, "a job id, or a job name of 1-128 letters, digits, '.', '_' or '-'");
        return new JobRef(null, text);
    }

    public static JobRef byId(long id) {
        return new JobRef(id, null);
    }

    public boolean isName() {
        return name != null;
    }

    static boolean isDigitsOnly(String name) {
        return DIGITS.matcher(name).matches();
    }

    @Override
    public String toString() {
        return id != null ? "job " + id : "job '" + name + "'";
    }
}
