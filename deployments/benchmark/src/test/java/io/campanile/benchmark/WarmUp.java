package io.campanile.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Warm-up rounds before anything is measured, the same rule for every subject: drain a round of
 * {@code benchmark.warmUpRuns} runs, at least {@code benchmark.warmUpMinRounds} rounds; then stop once a round's
 * drain rate is within {@link #STEADY} of the round before, or after {@code benchmark.warmUpRounds} rounds. The
 * minimum is there because the JIT warms Payara slowly and smoothly: Campanile's rounds of 20,000 drained at 2,064,
 * 3,795 and 3,998 runs/s (within 10%, so the warm-up ended) while the same server drained 6,626 runs/s after
 * 200,000 runs. A subject that cannot drain a full round in time (Quartz) gets
 * one round of what it can.
 */
final class WarmUp {

    /** A warm-up round whose drain rate is within this fraction of the round before ends the warm-up. */
    static final double STEADY = 0.10;

    private final int runs;
    private final int minRounds;
    private final int rounds;
    private final Duration timeout;

    /**
     * @param runs runs per round: the worker connected, the JIT warm
     * @param minRounds at least this many rounds (at most {@code rounds})
     * @param rounds at most this many rounds. Payara's request path runs once per batch of runs, so its methods
     *     reach the JIT's thresholds only after many thousands of runs: C2 still took most of the server's CPU
     *     after 40,000
     * @param timeout the longest one round may take to drain
     */
    WarmUp(int runs, int minRounds, int rounds, Duration timeout) {
        this.runs = runs;
        this.minRounds = Math.min(minRounds, rounds);
        this.rounds = rounds;
        this.timeout = timeout;
    }

    /** {@code benchmark.warmUpRuns} and {@code benchmark.warmUpRounds}, each round bounded by the scenarios' bound. */
    static WarmUp fromSystemProperties(BenchmarkSettings settings) {
        return new WarmUp(
                Integer.getInteger("benchmark.warmUpRuns", 20),
                Integer.getInteger("benchmark.warmUpMinRounds", 1),
                Integer.getInteger("benchmark.warmUpRounds", 1),
                settings.scenarioTimeout());
    }

    /** Whether a round that drained at {@code rate} ends the warm-up after one at {@code previous} (0: none). */
    static boolean steady(double previous, double rate) {
        return previous > 0 && Math.abs(rate - previous) <= STEADY * previous;
    }

    /** Whether round {@code round} (from 1), drained at {@code rate} after {@code previous}, ends the warm-up. */
    static boolean ends(int round, int minRounds, double previous, double rate) {
        return round >= minRounds && steady(previous, rate);
    }

    /** Drains the rounds; fails if a round did not drain within the bound. Notes the rates in {@code results}. */
    void run(Subject subject, Results results) {
        int perRound = subject.warmUpRuns(runs);
        int maxRounds = perRound < runs ? 1 : rounds;
        List<String> rates = new ArrayList<>();
        double previous = 0;
        for (int round = 1; round <= maxRounds; round++) {
            Tally warm = Await.calls(
                    subject,
                    new HashSet<>(subject.createDueNow("warm" + round + "-", perRound)),
                    timeout,
                    Duration.ZERO);
            if (!warm.complete()) {
                throw new IllegalStateException(subject.label() + ": " + warm.misses() + " of " + perRound
                        + " warm-up runs did not run within " + timeout.toSeconds() + " s");
            }
            double rate = warm.throughputPerSecond();
            rates.add(String.format(Locale.ROOT, "%,.0f", rate));
            if (ends(round, minRounds, previous, rate)) {
                break;
            }
            previous = rate;
        }
        System.out.println(subject.label() + " warm-up drain rates (runs/s): " + rates);
        results.note(String.format(
                Locale.ROOT,
                "%s drained %d warm-up round(s) of %,d runs before it was measured (at least %d, at most %d; rounds"
                        + " stop once one drains within %.0f%% of the one before), at %s runs/s.",
                subject.label(),
                rates.size(),
                perRound,
                Math.min(minRounds, maxRounds),
                maxRounds,
                STEADY * 100,
                String.join(", ", rates)));
    }
}
