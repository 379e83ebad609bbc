package io.campanile.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scheduler under test, set up as its users run it, with a no-op processor that records every call. Each
 * subject works in a fresh PostgreSQL database of its own, so that the database's counters are its own.
 */
public interface Subject extends AutoCloseable {

    /** The name in the results: {@code campanile}, {@code quartz}, {@code db-scheduler}... */
    String name();

    /**
     * How notes and logs name this start of it: its {@link #name()}, with its topology for a subject of several
     * servers (the figures carry the topology in their metric's name instead).
     */
    default String label() {
        return name();
    }

    /** How it is set up (threads, pool, polling), for the summary. */
    String description();

    /** Creates the database and its schema and starts the scheduler; returns once it can take runs. */
    void start();

    /** The PostgreSQL database the scheduler works in. */
    String databaseName();

    /** Creates {@code count} one-off runs due now and returns their keys (what the processor records). */
    List<String> createDueNow(String prefix, int count);

    /** Creates one run at each instant and returns their keys, in the same order. */
    List<String> createAt(String prefix, List<Instant> instants);

    /** Every processor call recorded so far, in the order recorded. */
    List<Execution> executions();

    /** The calls recorded after the first {@code from}, in the order recorded; for waiting on a large backlog. */
    default List<Execution> executionsSince(int from) {
        List<Execution> all = executions();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /**
     * Whether every call made so far is in {@link #executions()}; false while records are still on their way
     * from another process.
     */
    boolean recordsComplete();

    /**
     * How many of the {@code requested} warm-up runs this scheduler drains before it is measured; all of them
     * unless a subject cannot drain them within the time bound.
     */
    default int warmUpRuns(int requested) {
        return requested;
    }

    /** The processes of its own the scheduler runs in, by name, with their pids; none for in-process peers. */
    default Map<String, Long> processes() {
        return Map.of();
    }

    /** What to show when the subject failed: the end of its processes' logs; nothing for in-process peers. */
    default String logTails(int lines) {
        return "";
    }

    /** Stops the scheduler and whatever it started, and drops its database. */
    @Override
    void close();
}
