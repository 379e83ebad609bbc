package io.campanile.benchmark;

import io.campanile.deployments.cluster.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Reads PostgreSQL's counters of one database: transactions and rows written from {@code pg_stat_database}
 * and statements from {@code pg_stat_statements} when the server preloads it (the benchmark's own cluster
 * does, {@link BenchmarkPostgres}). Both are read through the maintenance database, so that reading them adds
 * nothing to the database read: its statements are counted by database ({@code dbid}), and the reads have the
 * maintenance database's.
 */
final class DatabaseStats {

    /**
     * Counters at one moment. {@code statements} are the calls of every statement but transaction control,
     * {@code transactionControl} the calls of {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK} and the like (the
     * JDBC driver sends each as a statement of its own); both are empty without pg_stat_statements.
     */
    record Counters(long transactions, long rowsWritten, OptionalLong statements, OptionalLong transactionControl) {

        Counters minus(Counters earlier) {
            return new Counters(
                    transactions - earlier.transactions,
                    rowsWritten - earlier.rowsWritten,
                    minus(statements, earlier.statements),
                    minus(transactionControl, earlier.transactionControl));
        }

        private static OptionalLong minus(OptionalLong later, OptionalLong earlier) {
            return later.isPresent() && earlier.isPresent()
                    ? OptionalLong.of(later.getAsLong() - earlier.getAsLong())
                    : OptionalLong.empty();
        }
    }

    /** One statement's calls since the last {@link #resetStatements()}; the text normalized and shortened. */
    record StatementCalls(String text, long calls) {}

    /** Statement texts that are transaction control rather than work. */
    static final String TRANSACTION_CONTROL =
            "^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|END|SAVEPOINT|RELEASE)\\y"; // \y: a word boundary in
    // PostgreSQL's regular
    // expressions

    /** How much of a statement's text the summary shows. */
    private static final int TEXT_LENGTH = 140;

    private final String adminUrl;
    private final String user;
    private final boolean statementsLoaded;

    private DatabaseStats(String adminUrl, String user, boolean statementsLoaded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.statementsLoaded = statementsLoaded;
    }

    /** The server that {@link PostgresDatabase} creates the databases on. */
    static DatabaseStats ofServer() {
        String adminUrl =
                System.getProperty(PostgresDatabase.ADMIN_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty(PostgresDatabase.USER_PROPERTY, "postgres");
        DatabaseStats probe = new DatabaseStats(adminUrl, user, false);
        try (Connection connection = probe.connect(adminUrl);
                Statement statement = connection.createStatement();
                ResultSet libraries = statement.executeQuery("SELECT current_setting('shared_preload_libraries')")) {
            libraries.next();
            boolean loaded = libraries.getString(1).contains("pg_stat_statements");
            if (loaded) {
                // the view lives in the maintenance database: reading it there adds nothing to the subject's counters
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            return new DatabaseStats(adminUrl, user, loaded);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the settings of " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    boolean statementsLoaded() {
        return statementsLoaded;
    }

    /** Where the databases are and whether statements are counted, for the summary. */
    String describe() {
        return adminUrl + (statementsLoaded ? ", pg_stat_statements preloaded" : ", no pg_stat_statements");
    }

    /** {@code SELECT version()}, for the summary. */
    String serverVersion() {
        try (Connection connection = connect(adminUrl);
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    Counters read(String database) {
        try (Connection connection = connect(adminUrl);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted"
                                + " FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no database " + database + " in pg_stat_database");
                }
                long transactions = row.getLong(1);
                long rowsWritten = row.getLong(2);
                if (!statementsLoaded) {
                    return new Counters(transactions, rowsWritten, OptionalLong.empty(), OptionalLong.empty());
                }
                try (PreparedStatement calls = connection.prepareStatement("SELECT"
                        + " coalesce(sum(calls) FILTER (WHERE query !~* '" + TRANSACTION_CONTROL + "'), 0),"
                        + " coalesce(sum(calls) FILTER (WHERE query ~* '" + TRANSACTION_CONTROL + "'), 0)"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)")) {
                    calls.setString(1, database);
                    try (ResultSet sums = calls.executeQuery()) {
                        sums.next();
                        return new Counters(
                                transactions,
                                rowsWritten,
                                OptionalLong.of(sums.getLong(1)),
                                OptionalLong.of(sums.getLong(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the counters of " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empties pg_stat_statements (every database's entries: one subject runs at a time, and entries of dropped
     * databases would otherwise fill it up), so that a window's statements are all there, none evicted.
     */
    void resetStatements() {
        if (!statementsLoaded) {
            return;
        }
        try (Connection connection = connect(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset pg_stat_statements: " + e.getMessage(), e);
        }
    }

    /** The {@code limit} statements of {@code database} called most since the last reset, most first. */
    List<StatementCalls> topStatements(String database, int limit) {
        if (!statementsLoaded) {
            return List.of();
        }
        try (Connection connection = connect(adminUrl);
                PreparedStatement query = connection.prepareStatement("SELECT calls,"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), " + TEXT_LENGTH + ")"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)"
                        + " ORDER BY calls DESC, query LIMIT ?")) {
            query.setString(1, database);
            query.setInt(2, limit);
            List<StatementCalls> top = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    top.add(new StatementCalls(rows.getString(2), rows.getLong(1)));
                }
            }
            return top;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the statements of " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }
}
