package io.campanile.benchmark;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The books of one scenario kept while the records arrive: each record is read once, so that waiting for a
 * backlog of tens of thousands of runs costs the benchmark's JVM next to nothing. (Recounting every record
 * every 50 ms took most of a core at 100,000 records, on the machine the schedulers were measured on.)
 */
final class LiveTally {

    private final Set<String> expected;
    private final Function<Execution, String> keyOf;
    private final Map<String, Execution> first = new HashMap<>();
    private int calls;
    private int read;

    LiveTally(Set<String> expected) {
        this(expected, Execution::key);
    }

    /**
     * Books kept under {@code keyOf} instead of the run's key: the scheduled fire-lag scenarios count a fire by
     * its scheduled instant, since the scheduler names its instances only when it fires them.
     */
    LiveTally(Set<String> expected, Function<Execution, String> keyOf) {
        this.expected = expected;
        this.keyOf = keyOf;
    }

    /** Reads the subject's records added since the last call. */
    LiveTally update(Subject subject) {
        add(subject.executionsSince(read));
        return this;
    }

    /** Counts {@code records}, the records that followed those already read, in the order they were recorded. */
    void add(Collection<Execution> records) {
        for (Execution execution : records) {
            String key = keyOf.apply(execution);
            if (expected.contains(key)) {
                calls++;
                first.merge(key, execution, (a, b) -> a.started().isAfter(b.started()) ? b : a);
            }
        }
        read += records.size();
    }

    boolean complete() {
        return first.size() == expected.size();
    }

    /** Calls of the expected runs so far, repeats included. */
    int calls() {
        return calls;
    }

    Tally tally() {
        return Tally.of(expected.size(), first.values(), calls - first.size());
    }
}
