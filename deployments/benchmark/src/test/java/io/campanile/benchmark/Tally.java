package io.campanile.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The books of one scenario, from what the processors recorded: of the runs the benchmark created
 * ({@code expected}), which ran ({@link #firstCalls()}), how many calls repeated a run that had already run
 * ({@link #duplicates()}) and how many runs never ran ({@link #misses()}). Calls of other runs (a warm-up, an
 * earlier scenario) are ignored.
 */
public final class Tally {

    private final int expected;
    private final List<Execution> firstCalls;
    private final int duplicates;

    private Tally(int expected, List<Execution> firstCalls, int duplicates) {
        this.expected = expected;
        this.firstCalls = firstCalls;
        this.duplicates = duplicates;
    }

    public static Tally of(Set<String> expected, Collection<Execution> recorded) {
        LiveTally books = new LiveTally(expected);
        books.add(recorded);
        return books.tally();
    }

    /** The books of several backlogs together: their runs, first calls and duplicates added up. */
    static Tally combined(List<Tally> tallies) {
        List<Execution> firstCalls = new ArrayList<>();
        int expected = 0;
        int duplicates = 0;
        for (Tally tally : tallies) {
            expected += tally.expected();
            duplicates += tally.duplicates();
            firstCalls.addAll(tally.firstCalls());
        }
        return of(expected, firstCalls, duplicates);
    }

    /** The books from each run's first call and the number of calls that repeated a run. */
    static Tally of(int expected, Collection<Execution> firstCalls, int duplicates) {
        List<Execution> sorted = firstCalls.stream()
                .sorted(Comparator.comparing(Execution::started))
                .toList();
        return new Tally(expected, sorted, duplicates);
    }

    public int expected() {
        return expected;
    }

    /** The first call of every run that ran, earliest first. */
    public List<Execution> firstCalls() {
        return firstCalls;
    }

    public int executed() {
        return firstCalls.size();
    }

    public int duplicates() {
        return duplicates;
    }

    public int misses() {
        return expected - firstCalls.size();
    }

    public boolean complete() {
        return misses() == 0;
    }

    /**
     * Runs per second from the first to the last first call: (executed - 1) calls followed the first one in
     * that span. Zero when fewer than two runs ran.
     */
    public double throughputPerSecond() {
        if (firstCalls.size() < 2) {
            return 0;
        }
        Duration span = Duration.between(
                firstCalls.get(0).started(),
                firstCalls.get(firstCalls.size() - 1).started());
        double seconds = span.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (firstCalls.size() - 1) / seconds;
    }
}
