package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.application.ReadinessCheck;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Readiness: the database answers a trivial query within two seconds. The query runs on a managed thread, so that a
 * pool waiting for a connection or a database that does not answer cannot hold the health request longer.
 */
@ApplicationScoped
public class DatabaseReachable implements ReadinessCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Resource(lookup = DataSourceSetup.JNDI_NAME)
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ExecutorService executor;

    private Duration timeout = TIMEOUT;

    public DatabaseReachable() {}

    DatabaseReachable(DataSource dataSource, ExecutorService executor, Duration timeout) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Optional<String> problem() {
        Future<?> query;
        try {
            query = executor.submit(this::selectOne);
        } catch (RuntimeException e) {
            return Optional.of("could not run the query: " + e.getClass().getSimpleName());
        }
        try {
            query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            query.cancel(true);
            return Optional.of("no answer to SELECT 1 within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("SELECT 1 failed: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the database");
        }
    }

    private Void selectOne() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
        }
        return null;
    }

    /** The failure's class and message, with any credentials a JDBC URL in it may carry masked. */
    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + DataSourceSetup.redacted(failure.getMessage());
        String text = failure.getClass().getSimpleName() + message;
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
