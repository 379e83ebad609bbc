package io.campanile.benchmark;

import io.campanile.deployments.cluster.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Reads PostgreSQL's counters of one database: transactions and rows written from {@code pg_stat_database}
 * (read through the maintenance database, so that reading them adds nothing to the database read), and
 * statements from {@code pg_stat_statements} when the server preloads it.
 */
final class DatabaseStats {

    /** Counters at one moment; {@code statements} is empty without pg_stat_statements. */
    record Counters(long transactions, long rowsWritten, OptionalLong statements) {

        Counters minus(Counters earlier) {
            return new Counters(
                    transactions - earlier.transactions,
                    rowsWritten - earlier.rowsWritten,
                    statements.isPresent() && earlier.statements.isPresent()
                            ? OptionalLong.of(statements.getAsLong() - earlier.statements.getAsLong())
                            : OptionalLong.empty());
        }
    }

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
            return new DatabaseStats(adminUrl, user, libraries.getString(1).contains("pg_stat_statements"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the settings of " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    boolean statementsLoaded() {
        return statementsLoaded;
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
                return new Counters(row.getLong(1), row.getLong(2), statements(database));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the counters of " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The calls of every statement run in {@code database}, except these reads themselves. The extension is
     * created in the database under test (fresh, dropped at the end), not in the server's shared ones; the
     * connection that reads it adds a few transactions of its own to the database's counters.
     */
    private OptionalLong statements(String database) throws SQLException {
        if (!statementsLoaded) {
            return OptionalLong.empty();
        }
        try (Connection connection = connect(withDatabase(adminUrl, database));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet row = statement.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND query NOT ILIKE '%pg_stat_statements%'")) {
                row.next();
                return OptionalLong.of(row.getLong(1));
            }
        }
    }

    /** {@code jdbc:postgresql://host:port/other?...} with the database name replaced. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }
}
