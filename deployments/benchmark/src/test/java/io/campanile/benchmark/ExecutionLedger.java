package io.campanile.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the in-process peers' processors record: an append per call, read as a snapshot or from a position. */
public final class ExecutionLedger {

    private final List<Execution> executions = new ArrayList<>();

    /** Called first thing in a processor; {@code started} is taken by the caller at entry. */
    public void record(String key, int attempt, Instant scheduled, Instant started) {
        Execution execution = new Execution(key, attempt, scheduled, started);
        synchronized (executions) {
            executions.add(execution);
        }
    }

    public List<Execution> snapshot() {
        return since(0);
    }

    /** The calls recorded after the first {@code from}, in the order recorded. */
    public List<Execution> since(int from) {
        synchronized (executions) {
            return List.copyOf(executions.subList(Math.min(from, executions.size()), executions.size()));
        }
    }
}
