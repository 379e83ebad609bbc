package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starts, restarts and stops a PostgreSQL of the test's own (needs Debian's PostgreSQL 15 server binaries). */
class PrivatePostgresTest {

    @Test
    void a_restart_ends_open_sessions_and_keeps_the_data_and_close_stops_the_server() throws SQLException {
        PrivatePostgres postgres = PrivatePostgres.start(PrivatePostgres.DEFAULT_BIN_DIR);
        long restartedPid;
        try {
            assertThat(postgres.adminUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/");
            PostgresDatabase database = PostgresDatabase.createFresh(postgres.adminUrl(), postgres.user());
            Connection open = database.connect();
            try (Statement statement = open.createStatement()) {
                statement.execute("CREATE TABLE probe (id INT)");
                statement.execute("INSERT INTO probe VALUES (42)");
            }
            long pidBefore = postgres.pid().orElseThrow();

            postgres.stopServer();
            assertThat(postgres.pid()).isEmpty();
            assertThat(listening(postgres.port())).as("listening while stopped").isFalse();
            assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
            postgres.startServer();

            restartedPid = postgres.pid().orElseThrow();
            assertThat(restartedPid).isNotEqualTo(pidBefore);
            try (Connection again = database.connect();
                    Statement statement = again.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        } finally {
            postgres.close();
        }
        // pg_ctl returns once the PID file is gone; the postmaster exits moments later
        Poll.until(
                "postmaster " + restartedPid + " exited",
                System.nanoTime(),
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                () -> ProcessHandle.of(restartedPid)
                                .filter(ProcessHandle::isAlive)
                                .isEmpty()
                        ? Optional.of(true)
                        : Optional.empty());
        assertThat(listening(postgres.port())).as("listening after close").isFalse();
        assertThat(Files.exists(postgres.logFile())).as("directory left behind").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
