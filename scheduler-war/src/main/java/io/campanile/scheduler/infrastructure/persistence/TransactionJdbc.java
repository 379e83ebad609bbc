package io.campanile.scheduler.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC inside the caller's transaction, for the few set-based statements where the JPA provider's handling
 * of thousands of bound values costs seconds (a batch of 10,000 runs took 14 s through a native query, as JDBC
 * batches well under one). In the server it is a connection of the application's own data source taken inside
 * the JTA transaction: the container hands out the transaction's connection, so JPA and JDBC see each other's
 * writes and commit together.
 */
@FunctionalInterface
public interface TransactionJdbc {

    /** Work on a connection the caller must not close, commit or roll back. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    <T> T run(Work<T> work);
}
