package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WAR's datasource on PostgreSQL: a server frozen in the middle of a transaction must not keep its row locks
 * (and so the take-over of its apps) waiting until it wakes up.
 */
class ConfiguredDataSourceIT {

    private final String url = System.getProperty("campanile.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("campanile.it.pg.user", "postgres");
    private final String table = "frozen_lock_" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void configure() throws SQLException {
        System.setProperty("campanile.db.url", url);
        System.setProperty("campanile.db.user", user);
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, epoch BIGINT)");
            s.execute("INSERT INTO " + table + " VALUES (1, 1)");
        }
    }

    @AfterEach
    void cleanUp() throws SQLException {
        System.clearProperty("campanile.db.url");
        System.clearProperty("campanile.db.user");
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void sessions_end_open_transactions_left_idle_for_two_seconds() throws SQLException {
        try (Connection c = new ConfiguredDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW idle_in_transaction_session_timeout")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("2s");
        }
    }

    @Test
    void a_row_locked_by_a_frozen_transaction_is_released_within_the_timeout() throws SQLException {
        try (Connection frozen = new ConfiguredDataSource().getConnection();
                Connection peer = DriverManager.getConnection(url, user, "")) {
            frozen.setAutoCommit(false);
            try (Statement s = frozen.createStatement()) {
                s.executeUpdate("UPDATE " + table + " SET epoch = epoch WHERE id = 1"); // the fence's row lock
            }
            // ... and the frozen server sends nothing more
            long start = System.nanoTime();
            int changed;
            try (Statement s = peer.createStatement()) {
                s.execute("SET lock_timeout = 10000");
                changed = s.executeUpdate("UPDATE " + table + " SET epoch = 2 WHERE id = 1 AND epoch = 1");
            }
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(changed).as("the peer's compare-and-set").isEqualTo(1);
            assertThat(waitedMillis).as("ms the peer waited for the lock").isBetween(1000L, 4000L);
        }
    }
}
