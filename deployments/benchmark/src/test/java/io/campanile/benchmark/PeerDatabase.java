package io.campanile.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campanile.deployments.cluster.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer's fresh PostgreSQL database with the peer's own schema in it, and the HikariCP pool the peer uses (one
 * more for each further instance of a peer clustered in this JVM, {@link #addPool}). {@link #close()} closes the
 * pools and drops the database.
 */
final class PeerDatabase implements AutoCloseable {

    /** The peers run 10 threads (both their defaults); a few connections more for their housekeeping. */
    static final int POOL_SIZE = 13;

    private final PostgresDatabase database;
    private final HikariDataSource pool;
    private final List<HikariDataSource> morePools = new ArrayList<>();

    private PeerDatabase(PostgresDatabase database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
    }

    /** Creates the database, runs the DDL script at {@code ddlResource} (a class-path resource) in it. */
    static PeerDatabase create(String poolName, String ddlResource) {
        PostgresDatabase database = PostgresDatabase.createFresh();
        try {
            runScript(database, ddlResource);
            return new PeerDatabase(database, newPool(database, poolName));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    HikariDataSource pool() {
        return pool;
    }

    /** Another pool of {@link #POOL_SIZE} on the same database, for another instance of the peer; closed with it. */
    synchronized HikariDataSource addPool(String poolName) {
        HikariDataSource added = newPool(database, poolName);
        morePools.add(added);
        return added;
    }

    private static HikariDataSource newPool(PostgresDatabase database, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    String name() {
        return database.name();
    }

    private static void runScript(PostgresDatabase database, String resource) {
        try (InputStream in = PeerDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(script); // PostgreSQL runs a script of several statements as one simple query
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + resource + " in " + database.name() + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            morePools.forEach(HikariDataSource::close);
            pool.close();
        } finally {
            database.close();
        }
    }
}
