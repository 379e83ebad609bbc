package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;

/**
 * The database's work for a subject, from its own database's counters: per executed run of the throughput
 * backlog (creating and running it, with whatever the scheduler does meanwhile), and per second when nothing
 * is due. Statements are counted apart from transaction control (BEGIN, COMMIT...), which is reported on its
 * own line; Campanile's most called statements go to the summary. PostgreSQL publishes an idle backend's counters up to 10 s late, hence the settle pause before each
 * reading.
 */
final class DatabaseCost {

    /** How many of Campanile's statements the summary lists. */
    static final int TOP = 12;

    private final BenchmarkSettings settings;
    private final DatabaseStats stats;

    DatabaseCost(BenchmarkSettings settings, DatabaseStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /** The cost per second with nothing due, measured over {@link BenchmarkSettings#idle()}. */
    void idle(Subject subject, Results results) {
        IdleWindow window = IdleWindow.measure(stats, subject.databaseName(), settings.idle(), settings.statsSettle());
        long n = Math.round(window.seconds());
        results.add(figure(subject, "idle transactions", window.transactionsPerSecond(), "1/s", n));
        results.add(figure(subject, "idle rows written", window.rowsWrittenPerSecond(), "1/s", n));
        if (stats.statementsLoaded()) {
            results.add(figure(subject, "idle statements", window.statementsPerSecond(), "1/s", n));
            results.add(figure(subject, "idle BEGIN/COMMIT/ROLLBACK", window.transactionControlPerSecond(), "1/s", n));
        }
    }

    /** The counters before a workload; the statement counts start afresh. */
    Counters before(Subject subject) {
        stats.resetStatements();
        return stats.read(subject.databaseName());
    }

    /** The cost per executed run of the workload that started at {@code before}. */
    void perRun(Subject subject, Counters before, Tally tally, Results results) {
        if (tally.executed() == 0) {
            return; // nothing ran: the throughput's misses say so
        }
        Await.pause(settings.statsSettle());
        Counters delta = stats.read(subject.databaseName()).minus(before);
        double runs = tally.executed();
        results.add(figure(subject, "transactions per run", delta.transactions() / runs, "1/run", tally.executed()));
        results.add(figure(subject, "rows written per run", delta.rowsWritten() / runs, "1/run", tally.executed()));
        delta.statements()
                .ifPresent(statements -> results.add(
                        figure(subject, "statements per run", statements / runs, "1/run", tally.executed())));
        delta.transactionControl()
                .ifPresent(control -> results.add(
                        figure(subject, "BEGIN/COMMIT/ROLLBACK per run", control / runs, "1/run", tally.executed())));
        if (subject.name().equals(Summary.CAMPANILE)) {
            results.section(
                    "Campanile's statements per run (DATABASE_COST)",
                    TopStatements.table(stats.topStatements(subject.databaseName(), TOP), runs, "per run"));
        }
    }

    private static Figure figure(Subject subject, String metric, double value, String unit, long n) {
        return new Figure(Scenario.DATABASE_COST, subject.name(), metric, value, unit, n);
    }
}
