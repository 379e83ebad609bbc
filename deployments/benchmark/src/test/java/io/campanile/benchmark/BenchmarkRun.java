package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One benchmark run: every selected scheduler in turn, alone on the machine, through a warm-up and the
 * selected scenarios; then the output files. Each subject is stopped and its database dropped before the next
 * one starts, also when it fails.
 */
final class BenchmarkRun {

    private final BenchmarkSettings settings;
    private final DatabaseStats stats = DatabaseStats.ofServer();
    private final Results results = new Results();
    private final WarmUp warmUp;

    BenchmarkRun(BenchmarkSettings settings) {
        this.settings = settings;
        this.warmUp = WarmUp.fromSystemProperties(settings);
    }

    Results run() {
        notes();
        for (String name : settings.schedulers()) {
            if (settings.runs(Scenario.THROUGHPUT)
                    || settings.runs(Scenario.DATABASE_COST)
                    || settings.runs(Scenario.FOOTPRINT)) {
                measure(name, this::backlog);
            }
            boolean fireLag = settings.runs(Scenario.FIRE_LAG);
            boolean scheduledFires = name.equals(Summary.CAMPANILE) && settings.runs(Scenario.SCHEDULED_FIRE_LAG);
            if (fireLag || scheduledFires) {
                // the scheduled fires after the API runs in the same start: both drain to the last call first,
                // and one start less spares a warm-up of minutes in the full run
                measure(name, subject -> {
                    if (fireLag) {
                        new FireLagScenario(settings).run(subject, results);
                    }
                    if (scheduledFires) {
                        scheduledFireLag().run((CampanileSubject) subject, results);
                    }
                });
            }
            if (name.equals(Summary.CAMPANILE)
                    && (settings.runs(Scenario.IDLE_AT_SCALE) || settings.runs(Scenario.SCALING))) {
                ScalingScenario scaling = new ScalingScenario(settings, ScalingSettings.fromSystemProperties(), stats);
                measure(name, subject -> scaling.run((CampanileSubject) subject, results));
            }
            if (settings.runs(Scenario.FAILOVER) && name.equals(Summary.CAMPANILE)) {
                failover(); // the peers have no owner to fail over
            }
            if (settings.runs(Scenario.CLUSTER_THROUGHPUT)) {
                clusterThroughput(name);
            }
            if (settings.runs(Scenario.CLUSTER_SCHEDULED_FIRE_LAG) && name.equals(Summary.CAMPANILE)) {
                clusterScheduledFireLag();
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
                System.out.println(subject.label() + " started in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms, database "
                        + subject.databaseName());
                warmUp.run(subject, results);
                scenarios.accept(subject);
            } catch (RuntimeException | Error e) {
                System.out.println(subject.label() + " failed: " + e + "\n" + subject.logTails(80));
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
        List<Tally> tallies;
        try (FootprintSampler sampler = new FootprintSampler(footprint ? subject.processes() : Map.of());
                CpuSampler cpu = new CpuSampler(subject.processes())) {
            tallies = new ThroughputScenario(settings).run(subject, results, settings.runs(Scenario.THROUGHPUT));
            Footprint.underLoad(subject, sampler.peaks(), results);
            if (settings.runs(Scenario.THROUGHPUT)) {
                cpuPerRun(subject, cpu, tallies);
            }
        }
        if (settings.runs(Scenario.DATABASE_COST)) {
            cost.perRun(subject, before, Tally.combined(tallies), results);
        }
    }

    /**
     * CPU milliseconds per run from the first to the last processor call of each backlog, added up over the
     * backlogs: the machine's (all cores, everything on it) and each process's the sampler follows.
     */
    private void cpuPerRun(Subject subject, CpuSampler cpu, List<Tally> tallies) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        int runs = 0;
        for (Tally tally : tallies) {
            if (tally.executed() < 2) {
                continue;
            }
            List<Execution> calls = tally.firstCalls(); // earliest first
            Map<String, Double> window = cpu.cpuSeconds(
                    calls.get(0).started(), calls.get(calls.size() - 1).started());
            if (!window.isEmpty()) {
                window.forEach((process, spent) -> seconds.merge(process, spent, Double::sum));
                runs += tally.executed();
            }
        }
        int executed = runs;
        seconds.forEach((process, spent) -> results.add(new Figure(
                Scenario.THROUGHPUT,
                subject.name(),
                "CPU per run, " + process,
                spent * 1000 / executed,
                "ms",
                executed)));
    }

    /** Campanile's own topology for FAILOVER: several servers on one database, started afresh like the others. */
    private void failover() {
        FailoverSettings failover = FailoverSettings.fromSystemProperties();
        FailoverCluster cluster = new FailoverCluster(
                settings.outputDir().resolve("failover-work"), settings.campanileCapacity(), failover.servers());
        measure(cluster, subject -> new FailoverScenario(settings, failover).run(cluster, results));
    }

    /**
     * CLUSTER_THROUGHPUT: Campanile started afresh in each topology; each db-scheduler flavour with as many
     * instances as a topology has servers, each size once. Quartz is left out: with its defaults it drains a
     * backlog of minutes at a few runs a second, far past the time bound.
     */
    private void clusterThroughput(String name) {
        ClusterThroughputSettings cluster = ClusterThroughputSettings.fromSystemProperties();
        ClusterThroughputScenario scenario = new ClusterThroughputScenario(settings);
        switch (name) {
            case "campanile" -> cluster.topologies().forEach(topology -> {
                CampanileClusterSubject subject = new CampanileClusterSubject(
                        topology,
                        settings.outputDir()
                                .resolve("cluster-work")
                                .resolve(topology.servers() + "x" + topology.apps()),
                        settings.campanileCapacity());
                measure(subject, started -> scenario.run(subject, results));
            });
            case "quartz" -> results.note("CLUSTER_THROUGHPUT leaves Quartz out: with its defaults (misfireThreshold"
                    + " 60 s, 20 misfires a transaction) a backlog of thousands of runs drains at a few runs a second"
                    + " (1,118 of 20,000 in 300 s in a full run), far past the time bound.");
            case "db-scheduler", "db-scheduler-lock-and-fetch" -> cluster.serverCounts()
                    .forEach(servers -> {
                        DbSchedulerSubject.Polling polling = name.equals("db-scheduler")
                                ? DbSchedulerSubject.Polling.DEFAULT
                                : DbSchedulerSubject.Polling.LOCK_AND_FETCH;
                        measure(new DbSchedulerSubject(polling, servers), peer -> scenario.run(peer, servers, results));
                    });
            default -> throw new IllegalArgumentException("unknown scheduler " + name);
        }
    }

    private ScheduledFireLagScenario scheduledFireLag() {
        return new ScheduledFireLagScenario(settings, ScheduledFireSettings.fromSystemProperties());
    }

    /** CLUSTER_SCHEDULED_FIRE_LAG: Campanile's servers and apps of its own topology, started afresh. */
    private void clusterScheduledFireLag() {
        Topology topology = ScheduledFireSettings.fromSystemProperties().clusterTopology();
        CampanileClusterSubject cluster = new CampanileClusterSubject(
                topology,
                settings.outputDir().resolve("firing-work").resolve(topology.servers() + "x" + topology.apps()),
                settings.campanileCapacity());
        measure(cluster, started -> scheduledFireLag().run(cluster, results));
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
        if (settings.runs(Scenario.SCHEDULED_FIRE_LAG) || settings.runs(Scenario.CLUSTER_SCHEDULED_FIRE_LAG)) {
            ScheduledFireSettings firing = ScheduledFireSettings.fromSystemProperties();
            results.note("SCHEDULED_FIRE_LAG and CLUSTER_SCHEDULED_FIRE_LAG (Campanile only): "
                    + settings.fireLagRuns() + " fires over "
                    + settings.fireLagSpread().toSeconds() + " s made by "
                    + Math.min(firing.jobs(), settings.fireLagRuns()) + " FIXED_RATE jobs, each anchored (startAt)"
                    + " at its own phase and ended (endAt) inside the window, so that the fires fall evenly over it;"
                    + " lag = processor start minus the fire's scheduled instant (the fire time the worker was handed),"
                    + " a fire found by that instant; off-lattice calls are calls scheduled inside the window at no"
                    + " fire time. SCHEDULED_FIRE_LAG runs on one server after FIRE_LAG in the same start;"
                    + " CLUSTER_SCHEDULED_FIRE_LAG in a fresh cluster of "
                    + firing.clusterTopology().label()
                    + " (servers x apps, each app with its own worker), job j in app j modulo the apps, each app's"
                    + " fires made by its owner. Before the measured fires, "
                    + firing.warmUpRounds()
                    + " unmeasured warm-up round(s) of the same fires by jobs of their own"
                    + " (benchmark.firing.warmUpRounds), then more, up to "
                    + firing.maxWarmUpRounds()
                    + " in all, while some process's compiler threads took more than "
                    + firing.jitQuietSeconds()
                    + " s in the last (benchmark.firing.maxWarmUpRounds, jitQuietSeconds): the warm-up runs are API"
                    + " runs, which leave the firing path cold.");
        }
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
        if (settings.runs(Scenario.CLUSTER_THROUGHPUT)) {
            results.note("CLUSTER_THROUGHPUT: " + settings.throughputRuns() + " runs due now, created while the"
                    + " cluster runs (after its warm-up), split evenly over Campanile's apps (each app's runs through"
                    + " its own admin request, all apps at once); throughput from the first to the last first call"
                    + " across all apps, each app's from its own; the owner of each app as the cluster view showed it"
                    + " after the drain. Topologies (servers x apps): "
                    + ClusterThroughputSettings.fromSystemProperties().topologies().stream()
                            .map(Topology::label)
                            .toList()
                    + "; db-scheduler runs as many instances as a topology has servers, on one table.");
        }
        results.note("Database server: " + stats.describe() + ".");
    }
}
