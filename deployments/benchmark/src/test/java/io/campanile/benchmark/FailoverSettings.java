package io.campanile.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the FAILOVER scenario runs, read from {@code benchmark.failover.*} system properties (the module's POM passes
 * the smoke's, the {@code benchmark} profile the full ones).
 *
 * @param events the events, in the order each round inflicts them
 * @param repetitions how many rounds: each event this many times
 * @param servers how many scheduler servers share the database (at least 2: one must be left to take over)
 * @param runInterval how far apart the runs of the stream are due
 * @param giveUp the longest a repetition waits for a call under the new owner before it counts as not failed over
 */
record FailoverSettings(
        List<FailoverEvent> events, int repetitions, int servers, Duration runInterval, Duration giveUp) {

    FailoverSettings {
        if (servers < 2) {
            throw new IllegalArgumentException("benchmark.failover.servers must be at least 2, not " + servers);
        }
        if (events.isEmpty() || repetitions < 1) {
            throw new IllegalArgumentException("no failover to measure: " + events + " x " + repetitions);
        }
        events = List.copyOf(events);
    }

    static FailoverSettings fromSystemProperties() {
        return new FailoverSettings(
                events(System.getProperty("benchmark.failover.events", "FREEZE,GRACEFUL,KILL")),
                Integer.getInteger("benchmark.failover.repetitions", 1),
                Integer.getInteger("benchmark.failover.servers", 2),
                Duration.ofMillis(Long.getLong("benchmark.failover.runIntervalMillis", 100)),
                Duration.ofSeconds(Long.getLong("benchmark.failover.giveUpSeconds", 30)));
    }

    private static List<FailoverEvent> events(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(name -> FailoverEvent.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList();
    }
}
