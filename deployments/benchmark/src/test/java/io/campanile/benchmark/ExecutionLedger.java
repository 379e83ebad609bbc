package io.campanile.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the in-process peers' processors record: a lock-free append per call, read as a snapshot. */
public final class ExecutionLedger {

    private final ConcurrentLinkedQueue<Execution> executions = new ConcurrentLinkedQueue<>();

    /** Called first thing in a processor; {@code started} is taken by the caller at entry. */
    public void record(String key, int attempt, Instant scheduled, Instant started) {
        executions.add(new Execution(key, attempt, scheduled, started));
    }

    public List<Execution> snapshot() {
        return List.copyOf(executions);
    }
}
