package io.campanile.benchmark;

import io.campanile.benchmark.FailoverCluster.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Campanile's failover: in each round, each event once (SIGSTOP, graceful stop, kill -9 of the app's owner, by
 * default), while a stream of runs is due every {@link FailoverSettings#runInterval()}. A repetition measures
 * from the event to the first processor call dispatched under a newer epoch, lets the frozen server run on or
 * the stopped one exit, waits until every run of its stream was called, and starts the killed or stopped server
 * again (not after the last repetition). The books of the whole stream count duplicates and misses.
 */
final class FailoverScenario {

    /** Time to create a repetition's runs before the first is due. */
    private static final Duration LEAD = Duration.ofSeconds(1);
    /** Runs called under the owner before the event: the owner fires steadily. */
    private static final int CALLS_BEFORE = 5;
    /** How long after the event the stream goes on: past the targets, so the new owner's steady runs show too. */
    private static final Duration AFTER = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(20);

    private final BenchmarkSettings settings;
    private final FailoverSettings failover;

    FailoverScenario(BenchmarkSettings settings, FailoverSettings failover) {
        this.settings = settings;
        this.failover = failover;
    }

    void run(FailoverCluster cluster, Results results) {
        Set<String> keys = new HashSet<>();
        List<FailoverRepetition> repetitions = new ArrayList<>();
        Map<Long, String> owners = new LinkedHashMap<>();
        Map<FailoverEvent, Integer> numbers = new EnumMap<>(FailoverEvent.class);
        int total = failover.repetitions() * failover.events().size();
        for (int round = 0; round < failover.repetitions(); round++) {
            for (FailoverEvent event : failover.events()) {
                int number = numbers.merge(event, 1, Integer::sum);
                FailoverRepetition repetition = repeat(cluster, event, number, keys);
                repetitions.add(repetition);
                System.out.println("FAILOVER " + event.label() + " #" + number + " of " + repetition.ownerBefore()
                        + "@epoch" + repetition.epochBefore() + ": "
                        + repetition
                                .millis()
                                .map(ms -> ms + " ms, first call under epoch "
                                        + repetition.firstCall().orElseThrow().epoch())
                                .orElse("no new owner within "
                                        + failover.giveUp().toSeconds() + " s"));
                owners.putAll(cluster.ownersByEpoch());
                if (repetitions.size() < total) {
                    cluster.restore();
                }
            }
        }
        Tally books = Tally.of(keys, cluster.executions());
        FailoverFigures.of(repetitions, books).forEach(results::add);
        List<Execution> stream = cluster.executions().stream()
                .filter(call -> keys.contains(call.key()))
                .toList();
        results.failoverTimeline(new FailoverTimeline(stream, owners, repetitions));
    }

    private FailoverRepetition repeat(FailoverCluster cluster, FailoverEvent event, int number, Set<String> all) {
        Instant first = Instant.now().plus(LEAD);
        List<Instant> instants = new ArrayList<>();
        long count =
                (CALLS_BEFORE + 5) + AFTER.toMillis() / failover.runInterval().toMillis();
        for (int i = 0; i < count; i++) {
            instants.add(first.plus(failover.runInterval().multipliedBy(i)));
        }
        Set<String> keys = new HashSet<>(cluster.createAt("fo", instants));
        all.addAll(keys);
        awaitCalls(cluster, keys, CALLS_BEFORE);

        Owner owner = cluster.owner();
        Instant at = Instant.now();
        cluster.inflict(event, owner.server());
        Optional<Execution> firstCall;
        try {
            firstCall = awaitNewOwner(cluster, at, owner.epoch());
        } finally {
            cluster.settle(event, owner.server());
        }
        Tally tally = Await.calls(cluster, keys, settings.scenarioTimeout(), settings.quiet());
        if (!tally.complete() || tally.duplicates() > 0) {
            System.out.println("FAILOVER " + event.label() + " #" + number + ": " + tally.misses() + " misses, "
                    + tally.duplicates() + " duplicates");
        }
        // every record is in now: a call that started earlier but was written later than the one seen wins
        Optional<Execution> earliest = firstCall.flatMap(
                seen -> FailoverRepetition.firstCallUnderNewerEpoch(cluster.executions(), at, owner.epoch()));
        return new FailoverRepetition(event, number, at, owner.name(), owner.epoch(), earliest);
    }

    /** Waits until {@code count} runs of {@code keys} were called (the owner fires), within the scenario bound. */
    private void awaitCalls(FailoverCluster cluster, Set<String> keys, int count) {
        long deadline = System.nanoTime() + settings.scenarioTimeout().toNanos();
        while (Tally.of(keys, cluster.executions()).executed() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + count + " runs called within "
                        + settings.scenarioTimeout().toSeconds() + " s before the failover");
            }
            Await.pause(POLL);
        }
    }

    /** The first call under a newer epoch than {@code epoch} at or after {@code at}, waited for up to the bound. */
    private Optional<Execution> awaitNewOwner(FailoverCluster cluster, Instant at, long epoch) {
        long deadline = System.nanoTime() + failover.giveUp().toNanos();
        while (true) {
            Optional<Execution> first = FailoverRepetition.firstCallUnderNewerEpoch(cluster.executions(), at, epoch);
            if (first.isPresent() || System.nanoTime() > deadline) {
                return first;
            }
            Await.pause(POLL);
        }
    }
}
