package io.campanile.scheduler.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Reads values of native-query rows, whose Java types differ between JDBC drivers. */
final class Rows {

    private Rows() {}

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /**
     * A duration of milliseconds given by a query parameter, as SQL that H2 and PostgreSQL both accept
     * ({@code ? * INTERVAL} alone is rejected by H2).
     */
    static String millis(String parameter) {
        return "CAST(" + parameter + " AS INTEGER) * INTERVAL '0.001' SECOND";
    }

    /** The database's clock plus a number of milliseconds given by a query parameter. */
    static String nowPlusMillis(String parameter) {
        return "CURRENT_TIMESTAMP + " + millis(parameter);
    }

    /** The database's clock minus a number of milliseconds given by a query parameter. */
    static String nowMinusMillis(String parameter) {
        return "CURRENT_TIMESTAMP - " + millis(parameter);
    }

    /** Checks a conditional update's row count: 0 lost, 1 won, more is a bug. */
    static boolean singleRow(int count, String what) {
        if (count > 1) {
            throw new IllegalStateException(what + " changed " + count + " rows instead of at most one");
        }
        return count == 1;
    }
}
