package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;

/**
 * The database's work for a subject, from its own database's counters: per executed run of the throughput
 * backlog (creating and running it, with whatever the scheduler does meanwhile), and per second when nothing
 * is due. PostgreSQL publishes an idle backend's counters up to 10 s late, hence the settle pause before each
 * reading.
 */
final class DatabaseCost {

    private final BenchmarkSettings settings;
    private final DatabaseStats stats;

    DatabaseCost(BenchmarkSettings settings, DatabaseStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /** The cost per second with nothing due, measured over {@link BenchmarkSettings#idle()}. */
    void idle(Subject subject, Results results) {
        Await.pause(settings.statsSettle());
        Counters start = stats.read(subject.databaseName());
        Await.pause(settings.idle());
        Await.pause(settings.statsSettle());
        Counters delta = stats.read(subject.databaseName()).minus(start);
        double seconds = settings.idle().plus(settings.statsSettle()).toNanos() / 1e9;
        long n = Math.round(seconds);
        results.add(figure(subject, "idle transactions", delta.transactions() / seconds, "1/s", n));
        results.add(figure(subject, "idle rows written", delta.rowsWritten() / seconds, "1/s", n));
        delta.statements()
                .ifPresent(
                        statements -> results.add(figure(subject, "idle statements", statements / seconds, "1/s", n)));
    }

    /** The counters before a workload. */
    Counters before(Subject subject) {
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
    }

    private static Figure figure(Subject subject, String metric, double value, String unit, long n) {
        return new Figure(Scenario.DATABASE_COST, subject.name(), metric, value, unit, n);
    }
}
