package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database and migration readiness checks, against H2 and against data sources that fail. */
class ReadinessChecksTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void a_database_that_answers_is_ready() {
        assertThat(new DatabaseReachable(freshH2(), executor, Duration.ofSeconds(2)).problem())
                .isEmpty();
    }

    @Test
    void a_data_source_that_throws_is_named_without_its_password() {
        DataSource failing = dataSource(() -> {
            throw new SQLException("cannot open jdbc:h2:tcp://db/x;user=sa;password=hunter2");
        });

        assertThat(new DatabaseReachable(failing, executor, Duration.ofSeconds(2)).problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("SELECT 1 failed: SQLException")
                        .contains("password=***")
                        .doesNotContain("hunter2"));
    }

    @Test
    void a_database_that_does_not_answer_in_time_is_not_ready() {
        DataSource hanging = dataSource(() -> {
            release.await();
            throw new SQLException("released");
        });

        assertThat(new DatabaseReachable(hanging, executor, Duration.ofMillis(200)).problem())
                .contains("no answer to SELECT 1 within 200 ms");
    }

    @Test
    void pending_migrations_are_named_until_applied() {
        DataSource db = freshH2();
        MigrationsApplied check = new MigrationsApplied(db);

        assertThat(check.problem())
                .hasValueSatisfying(p -> assertThat(p).matches("\\d+ pending: V1 scheduling schema.*"));

        DataSourceSetup.flyway(db).migrate();

        assertThat(check.problem()).isEmpty();
    }

    @Test
    void unreadable_schema_history_is_not_ready() {
        DataSource failing = dataSource(() -> {
            throw new SQLException("connection refused");
        });

        assertThat(new MigrationsApplied(failing).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("could not read the schema history"));
    }

    private static DataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    interface Connecting {
        void connect() throws Exception;
    }

    /** A data source whose getConnection runs {@code connecting}, which throws. */
    private static DataSource dataSource(Connecting connecting) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connecting.connect();
                    }
                    throw new SQLException("not supported: " + method.getName());
                });
    }
}
