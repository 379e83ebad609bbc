package io.campanile.scheduler.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One statement run for many rows as one JDBC batch: one round trip instead of one per row, and on PostgreSQL a plain
 * {@code INSERT ... VALUES} goes as multi-row {@code INSERT}s ({@code reWriteBatchedInserts}, which then reports
 * {@link PreparedStatement#SUCCESS_NO_INFO} for each row).
 */
final class JdbcBatch {

    /** Binds one row's values to the statement's parameters. */
    @FunctionalInterface
    interface Binding<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {}

    /**
     * Runs {@code sql} once for each row and checks that each run changed one row, or none when {@code mayChangeNone}
     * (a conditional insert that skips a row already there); any other count is a bug.
     */
    static <T> void run(
            Connection connection, String sql, List<T> rows, Binding<T> binding, boolean mayChangeNone, String what)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binding.bind(statement, row);
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                boolean expected =
                        count == 1 || count == PreparedStatement.SUCCESS_NO_INFO || (count == 0 && mayChangeNone);
                if (!expected) {
                    throw new IllegalStateException(what + " changed " + count + " rows");
                }
            }
        }
    }
}
