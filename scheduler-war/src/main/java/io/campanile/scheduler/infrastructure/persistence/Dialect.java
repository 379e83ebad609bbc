package io.campanile.scheduler.infrastructure.persistence;

/**
 * The few statements whose SQL differs between the supported databases. Everything else is written once, in
 * SQL both accept.
 */
public enum Dialect {
    H2 {
        @Override
        String sequenceValues(String sequence, String countParameter) {
            return "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, " + countParameter + ")";
        }

        @Override
        String shareRow() {
            // H2 has no shared row locks; it serves one embedded server, so an exclusive one costs nothing
            return "FOR UPDATE";
        }
    },
    POSTGRESQL {
        @Override
        String sequenceValues(String sequence, String countParameter) {
            return "SELECT nextval('" + sequence + "') FROM generate_series(1, " + countParameter + ")";
        }

        @Override
        String shareRow() {
            return "FOR SHARE";
        }
    };

    /** A query returning {@code count} fresh values of the sequence, one per row. */
    abstract String sequenceValues(String sequence, String countParameter);

    /**
     * The locking clause of a fence read: held to the end of the transaction, it makes a concurrent change
     * of the row (a take-over) wait, while other fenced transactions of the same app go on.
     */
    abstract String shareRow();

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }
}
