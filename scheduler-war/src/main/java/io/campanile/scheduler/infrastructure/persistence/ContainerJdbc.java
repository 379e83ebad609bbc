package io.campanile.scheduler.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@link TransactionJdbc} in the server: a connection of the application's data source, taken inside the JTA
 * transaction, so the container hands out the transaction's own (shareable) connection, the one JPA uses. The
 * handle is closed after the work, which returns it to the transaction, not to the pool.
 */
@ApplicationScoped
public class ContainerJdbc implements TransactionJdbc {

    @Resource(lookup = DataSourceSetup.JNDI_NAME)
    private DataSource dataSource;

    @Override
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database call failed: " + e.getMessage(), e);
        }
    }
}
