package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One benchmark run: every selected scheduler in turn, alone on the machine, through a warm-up and the
 * selected scenarios; then the output files. Each subject is stopped and its database dropped before the next
 * one starts, also when it fails.
 */
final class BenchmarkRun {

    /**
     * Runs called before any measurement, per warm-up round ({@code benchmark.warmUpRuns}): the worker connected,
     * the JIT warm.
     */
    private static final int WARM_UP_RUNS = Integer.getInteger("benchmark.warmUpRuns", 20);

    /**
     * At most this many warm-up rounds ({@code benchmark.warmUpRounds}): rounds follow one another until one drains
     * within {@link #STEADY} of the round before. Payara's request path runs once per batch of runs, so its
     * methods reach the JIT's thresholds only after many thousands of runs: C2 still took most of the server's CPU
     * after 40,000.
     */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.warmUpRounds", 1);

    /** A warm-up round whose drain rate is within this fraction of the round before ends the warm-up. */
    private static final double STEADY = 0.10;

    private final BenchmarkSettings settings;
    private final DatabaseStats stats = DatabaseStats.ofServer();
    private final Results results = new Results();

    BenchmarkRun(BenchmarkSettings settings) {
        this.settings = settings;
    }

    Results run() {
        notes();
        for (String name : settings.schedulers()) {
            if (settings.runs(Scenario.THROUGHPUT)
                    || settings.runs(Scenario.DATABASE_COST)
                    || settings.runs(Scenario.FOOTPRINT)) {
                measure(name, this::backlog);
            }
            if (settings.runs(Scenario.FIRE_LAG)) {
                measure(name, subject -> new FireLagScenario(settings).run(subject, results));
            }
            if (name.equals(Summary.CAMPANILE)
                    && (settings.runs(Scenario.IDLE_AT_SCALE) || settings.runs(Scenario.SCALING))) {
                ScalingScenario scaling = new ScalingScenario(settings, ScalingSettings.fromSystemProperties(), stats);
                measure(name, subject -> scaling.run((CampanileSubject) subject, results));
            }
            if (settings.runs(Scenario.FAILOVER) && name.equals(Summary.CAMPANILE)) {
                failover(); // the peers have no owner to fail over
            }
        }
        ResultsWriter.write(settings.outputDir(), "Campanile benchmark " + Instant.now(), results);
        return results;
    }

    /**
     * Starts a fresh subject (new processes, new database) for {@code scenarios}, so that what one scenario
     * leaves behind (a backlog not drained in time, late repeats) cannot slow the next; stops it afterwards.
     */
    private void measure(String name, Consumer<Subject> scenarios) {
        measure(subject(name), scenarios);
    }

    private void measure(Subject created, Consumer<Subject> scenarios) {
        try (Subject subject = created) {
            results.note(subject.description() + ".");
            long start = System.nanoTime();
            try {
                subject.start();
                System.out.println(subject.name() + " started in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms, database "
                        + subject.databaseName());
                warmUp(subject);
                scenarios.accept(subject);
            } catch (RuntimeException | Error e) {
                System.out.println(subject.name() + " failed: " + e + "\n" + subject.logTails(80));
                throw e;
            }
        }
    }

    /** The idle cost and footprint, then the throughput backlog with its database cost and peak footprint. */
    private void backlog(Subject subject) {
        DatabaseCost cost = new DatabaseCost(settings, stats);
        if (settings.runs(Scenario.DATABASE_COST)) {
            cost.idle(subject, results);
        }
        boolean footprint = settings.runs(Scenario.FOOTPRINT);
        if (footprint) {
            Footprint.idle(subject, results);
        }
        Counters before = cost.before(subject);
        Tally tally;
        try (FootprintSampler sampler = new FootprintSampler(footprint ? subject.processes() : Map.of());
                CpuSampler cpu = new CpuSampler(subject.processes())) {
            tally = new ThroughputScenario(settings).run(subject, results, settings.runs(Scenario.THROUGHPUT));
            Footprint.underLoad(subject, sampler.peaks(), results);
            if (settings.runs(Scenario.THROUGHPUT)) {
                cpuPerRun(subject, cpu, tally);
            }
        }
        if (settings.runs(Scenario.DATABASE_COST)) {
            cost.perRun(subject, before, tally, results);
        }
    }

    /**
     * CPU milliseconds per run from the first to the last processor call of the backlog: the machine's (all cores,
     * everything on it) and each of the subject's own processes'.
     */
    private void cpuPerRun(Subject subject, CpuSampler cpu, Tally tally) {
        if (tally.executed() < 2) {
            return;
        }
        Instant first = tally.firstCalls().stream()
                .map(Execution::started)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant last = tally.firstCalls().stream()
                .map(Execution::started)
                .max(Instant::compareTo)
                .orElseThrow();
        cpu.cpuSeconds(first, last)
                .forEach((process, seconds) -> results.add(new Figure(
                        Scenario.THROUGHPUT,
                        subject.name(),
                        "CPU per run, " + process,
                        seconds * 1000 / tally.executed(),
                        "ms",
                        tally.executed())));
    }

    /** Campanile's own topology for FAILOVER: several servers on one database, started afresh like the others. */
    private void failover() {
        FailoverSettings failover = FailoverSettings.fromSystemProperties();
        FailoverCluster cluster = new FailoverCluster(
                settings.outputDir().resolve("failover-work"), settings.campanileCapacity(), failover.servers());
        measure(cluster, subject -> new FailoverScenario(settings, failover).run(cluster, results));
    }

    /**
     * Warm-up rounds, the same rule for every scheduler: drain a round of runs; stop once a round's drain rate is
     * within {@link #STEADY} of the round before, or after {@link #WARM_UP_ROUNDS}. A scheduler that cannot drain a
     * full round in time (Quartz) gets one round of what it can.
     */
    private void warmUp(Subject subject) {
        int runs = subject.warmUpRuns(WARM_UP_RUNS);
        int rounds = runs < WARM_UP_RUNS ? 1 : WARM_UP_ROUNDS;
        List<String> rates = new ArrayList<>();
        double previous = -1;
        for (int round = 1; round <= rounds; round++) {
            Tally warm = Await.calls(
                    subject,
                    new HashSet<>(subject.createDueNow("warm" + round + "-", runs)),
                    settings.scenarioTimeout(),
                    Duration.ZERO);
            if (!warm.complete()) {
                throw new IllegalStateException(
                        subject.name() + ": " + warm.misses() + " of " + runs + " warm-up runs did not run within "
                                + settings.scenarioTimeout().toSeconds() + " s");
            }
            double rate = warm.throughputPerSecond();
            rates.add(String.format(Locale.ROOT, "%,.0f", rate));
            if (previous > 0 && Math.abs(rate - previous) <= STEADY * previous) {
                break;
            }
            previous = rate;
        }
        System.out.println(subject.name() + " warm-up drain rates (runs/s): " + rates);
        results.note(String.format(
                Locale.ROOT,
                "%s drained %d warm-up round(s) of %,d runs before it was measured (at most %d; rounds stop once"
                        + " one drains within %.0f%% of the one before), at %s runs/s.",
                subject.name(),
                rates.size(),
                runs,
                rounds,
                STEADY * 100,
                String.join(", ", rates)));
    }

    private Subject subject(String name) {
        return switch (name) {
            case "campanile" -> new CampanileSubject(
                    settings.outputDir().resolve("campanile-work"), settings.campanileCapacity());
            case "quartz" -> new QuartzSubject();
            case "db-scheduler" -> new DbSchedulerSubject(DbSchedulerSubject.Polling.DEFAULT);
            case "db-scheduler-lock-and-fetch" -> new DbSchedulerSubject(DbSchedulerSubject.Polling.LOCK_AND_FETCH);
            default -> throw new IllegalArgumentException("unknown scheduler " + name);
        };
    }

    private void notes() {
        results.note("Command: `" + settings.command() + "`.");
        results.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + stats.serverVersion() + " at 127.0.0.1.");
        results.note("All processes run on this machine and read the same clock: a fire lag is the processor's"
                + " Instant.now() at entry minus the instant the scheduler scheduled the run for, with no clock"
                + " offset between processes to correct.");
        results.note("Exactly-once is counted from what each processor recorded (duplicates: calls of a run"
                + " after its first; misses: runs created but never called), never from a scheduler's tables.");
        results.note("Throughput: (runs called - 1) / (last first call - first call). Sizes: "
                + settings.throughputRuns() + " runs for the peers, " + settings.campanileThroughputRuns()
                + " for Campanile; fire lag: " + settings.fireLagRuns() + " runs over "
                + settings.fireLagSpread().toSeconds() + " s. The backlog is created while the scheduler runs:"
                + " where a creation rate is below its throughput, creating the runs was the limit.");
        results.note("Footprint: VmRSS and Threads from /proc/<pid>/status of Campanile's server and worker"
                + " application (Payara Micro, -Xmx320m), idle after the warm-up and at their peak while draining the"
                + " throughput backlog (sampled every 200 ms); the peers run inside the benchmark's JVM.");
        results.note("Campanile's fire-lag runs are asked for at the peers' exact instants (RunRequest.at).");
        results.note("Database cost: pg_stat_database deltas of each scheduler's own fresh database (transactions ="
                + " xact_commit + xact_rollback; rows written = tup_inserted + tup_updated + tup_deleted), over"
                + " creating and running the throughput backlog; idle = nothing due. "
                + (stats.statementsLoaded()
                        ? "Statements from pg_stat_statements: the calls of every statement in the scheduler's"
                                + " database (the benchmark reads its counters from another one), transaction control"
                                + " (BEGIN, COMMIT, ROLLBACK) on a line of its own. Target (the issue): at most 3 rows"
                                + " written and 4 statements per run."
                        : "pg_stat_statements is not loaded (shared_preload_libraries), so statements are not"
                                + " counted."));
        results.note("Database server: " + stats.describe() + ".");
    }
}
