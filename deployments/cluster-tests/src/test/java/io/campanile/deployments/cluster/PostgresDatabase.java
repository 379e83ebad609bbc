package io.campanile.deployments.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, created through the server's maintenance database and
 * dropped again by {@link #close()}. PostgreSQL must be running: a missing database server fails the tests,
 * it never skips them.
 *
 * <p>Defaults: {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, no password (trust
 * authentication); overridden by the system properties {@code campanile.it.pg.url} and
 * {@code campanile.it.pg.user}.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String ADMIN_URL_PROPERTY = "campanile.it.pg.url";
    public static final String USER_PROPERTY = "campanile.it.pg.user";

    private final String adminUrl;
    private final String user;
    private final String name;

    private PostgresDatabase(String adminUrl, String user, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.name = name;
    }

    /** Creates {@code campanile_it_<random>} on the server named by the system properties (or the defaults). */
    public static PostgresDatabase createFresh() {
        return createFresh(
                System.getProperty(ADMIN_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/postgres"),
                System.getProperty(USER_PROPERTY, "postgres"));
    }

    public static PostgresDatabase createFresh(String adminUrl, String user) {
        String name =
                "campanile_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresDatabase database = new PostgresDatabase(adminUrl, user, name);
        database.execute("CREATE DATABASE " + name);
        return database;
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    /** The JDBC URL of this database: the maintenance URL with its database name replaced. */
    public String jdbcUrl() {
        return withDatabase(adminUrl, name);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), credentials());
    }

    /** Drops the database, first ending the sessions that killed servers may have left behind. */
    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
                PreparedStatement terminate =
                        connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, name);
            terminate.executeQuery().close();
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        return base.substring(0, slash + 1) + database + parameters;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed by the cluster tests but " + adminUrl
                            + " (user " + user + ") failed: " + e.getMessage()
                            + ". Start PostgreSQL on 127.0.0.1:5432 with"
                            + " trust authentication, or point -D" + ADMIN_URL_PROPERTY + " and -D" + USER_PROPERTY
                            + " at one.",
                    e);
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "5");
        return properties;
    }
}
