package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;
import java.time.Duration;

/**
 * A window with nothing due, measured through a subject's database counters: settle (PostgreSQL publishes an
 * idle backend's counters up to 10 s late), start the statement counts afresh, read, wait the window and the
 * settle pause again, read.
 *
 * @param delta what the database did in the window
 * @param seconds how long the window was, settle pause included
 */
record IdleWindow(Counters delta, double seconds) {

    static IdleWindow measure(DatabaseStats stats, String database, Duration idle, Duration settle) {
        Await.pause(settle);
        stats.resetStatements();
        Counters start = stats.read(database);
        Await.pause(idle);
        Await.pause(settle);
        return new IdleWindow(
                stats.read(database).minus(start), idle.plus(settle).toNanos() / 1e9);
    }

    double transactionsPerSecond() {
        return delta.transactions() / seconds;
    }

    double rowsWrittenPerSecond() {
        return delta.rowsWritten() / seconds;
    }

    /** Statements but transaction control per second; NaN without pg_stat_statements. */
    double statementsPerSecond() {
        return delta.statements().isPresent() ? delta.statements().getAsLong() / seconds : Double.NaN;
    }

    /** BEGIN, COMMIT, ROLLBACK... per second; NaN without pg_stat_statements. */
    double transactionControlPerSecond() {
        return delta.transactionControl().isPresent()
                ? delta.transactionControl().getAsLong() / seconds
                : Double.NaN;
    }
}
