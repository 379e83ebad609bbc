package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Runs against the PostgreSQL the cluster tests need (127.0.0.1:5432 unless overridden). */
class PostgresDatabaseTest {

    @Test
    void creates_a_fresh_database_and_drops_it_even_with_sessions_left_open() throws SQLException {
        PostgresDatabase database = PostgresDatabase.createFresh();
        assertThat(database.name()).startsWith("campanile_it_");
        assertThat(database.jdbcUrl()).endsWith("/" + database.name());

        Connection leftOpen = database.connect(); // like the pool of a killed server
        try (Statement statement = leftOpen.createStatement()) {
            statement.execute("CREATE TABLE probe (id INT)");
        }
        assertThat(exists(database.name())).isTrue();

        database.close();

        assertThat(exists(database.name())).isFalse();
        assertThatThrownBy(() -> leftOpen.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void unreachable_postgres_fails_with_a_clear_message() {
        assertThatThrownBy(() -> PostgresDatabase.createFresh(
                        "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/postgres", "postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL is needed by the cluster tests")
                .hasMessageContaining(PostgresDatabase.ADMIN_URL_PROPERTY);
    }

    @Test
    void replaces_the_database_of_a_jdbc_url() {
        assertThat(PostgresDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(PostgresDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x?ssl=false");
    }

    private static boolean exists(String name) throws SQLException {
        String url =
                System.getProperty(PostgresDatabase.ADMIN_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty(PostgresDatabase.USER_PROPERTY, "postgres");
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }
}
