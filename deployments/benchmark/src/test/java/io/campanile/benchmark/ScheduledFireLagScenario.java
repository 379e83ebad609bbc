package io.campanile.benchmark;

import io.campanile.api.client.CampanileAdminClient;
import io.campanile.deployments.cluster.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Scenario#SCHEDULED_FIRE_LAG} and {@link Scenario#CLUSTER_SCHEDULED_FIRE_LAG}: the fire lag of real
 * scheduled fires, the target (p99 ≤ 20 ms at 1,000 fires spread over 20 s, one server and three), where
 * {@link FireLagScenario} measures runs asked for at instants through the API.
 *
 * <p>The fires come from FIXED_RATE jobs ({@link FireLattice}: 50 jobs every second, each at its own phase, make
 * 1,000 fires 20 ms apart), not from one ONE_OFF job per fire: a recurring job goes through the whole firing path
 * again and again — compute its next fire time, create the instance when (or before) it is due, dispatch it — and
 * only its first fire can be prepared while the job is created, where a ONE_OFF job is created, fired once and
 * done. 50 jobs each firing 20 times measure the steady state of firing, as users' schedules run it; 1,000 one-off
 * jobs would mostly measure creating jobs. The lag of a fire is the worker's processor start minus the instant the
 * fire was scheduled for (the Assignment's fireTime, which the {@code bench} processor records); a fire is found by
 * that instant, since the scheduler names its instance only when it fires.
 */
final class ScheduledFireLagScenario {

    private static final String PROCESSOR = "bench";

    private final BenchmarkSettings settings;
    private final ScheduledFireSettings firing;

    ScheduledFireLagScenario(BenchmarkSettings settings, ScheduledFireSettings firing) {
        this.settings = settings;
        this.firing = firing;
    }

    /** One server: the jobs are the {@code bench} app's, fired by its server for its one worker. */
    void run(CampanileSubject subject, Results results) {
        Fired fired = fire(
                subject,
                subject.admin(),
                subject.database(),
                List.of(CampanileSubject.APP),
                Scenario.SCHEDULED_FIRE_LAG);
        fired.figures(Scenario.SCHEDULED_FIRE_LAG).forEach(results::add);
        fired.lags(results, "campanile scheduled, 1 server");
        System.out.println("SCHEDULED_FIRE_LAG " + subject.label() + ": " + fired.line());
        fired.printDetails(Scenario.SCHEDULED_FIRE_LAG);
    }

    /**
     * Several servers: the jobs split over the topology's apps (job {@code j} in app {@code j} modulo the apps),
     * each app's fires made by the server that owns it, for the app's own worker.
     */
    void run(CampanileClusterSubject cluster, Results results) {
        Scenario scenario = Scenario.CLUSTER_SCHEDULED_FIRE_LAG;
        List<String> apps = cluster.topology().appNames();
        Map<String, Integer> ownersBefore = cluster.owners();
        Fired fired = fire(cluster, cluster.admin(), cluster.database(), apps, scenario);
        Map<String, Integer> owners = cluster.owners();

        fired.figures(scenario).forEach(results::add);
        results.add(new Figure(
                scenario, Summary.CAMPANILE, "servers", cluster.topology().servers(), "servers", 1));
        results.add(new Figure(scenario, Summary.CAMPANILE, "apps", apps.size(), "apps", 1));
        perApp(fired, apps, owners).forEach(results::add);
        fired.lags(results, "campanile scheduled, " + cluster.topology().label());
        if (!owners.equals(ownersBefore)) {
            results.note(scenario + ": the apps' owners changed while they fired, from " + ownersBefore + " to "
                    + owners + " (app to server number).");
        }
        System.out.println(scenario + " " + cluster.label() + ": " + fired.line() + ", owners " + owners);
        fired.printDetails(scenario);
    }

    /**
     * The unmeasured warm-up rounds ({@link ScheduledFireSettings#warmsUpAgain}), then the measured one: each round
     * creates jobs of its own (named by the round) for a lattice of its own and waits for its fires.
     */
    private Fired fire(
            Subject subject,
            CampanileAdminClient admin,
            PostgresDatabase database,
            List<String> apps,
            Scenario scenario) {
        int rounds = 0;
        double jit = Double.POSITIVE_INFINITY;
        while (firing.warmsUpAgain(rounds, jit)) {
            rounds++;
            Fired warm = round(subject, admin, database, apps, scenario, "warm" + rounds + "-", Duration.ZERO);
            jit = warm.cpu().mostJitSeconds();
            System.out.println(scenario + " warm-up round " + rounds + " (at least " + firing.warmUpRounds()
                    + ", at most " + firing.maxWarmUpRounds() + "): " + warm.line());
            warm.printDetails(scenario);
        }
        System.out.println(scenario + " measured after " + rounds + " warm-up round(s); the last one's busiest"
                + " compiler threads took " + String.format(Locale.ROOT, "%.2f", jit) + " s");
        return round(subject, admin, database, apps, scenario, "", settings.quiet());
    }

    /**
     * Creates the jobs of a lattice that starts once they can all be created, then waits for every fire and for
     * {@code quiet} after it (late repeats are counted).
     */
    private Fired round(
            Subject subject,
            CampanileAdminClient admin,
            PostgresDatabase database,
            List<String> apps,
            Scenario scenario,
            String prefix,
            Duration quiet) {
        int jobs = Math.min(firing.jobs(), settings.fireLagRuns());
        if (jobs < apps.size()) {
            throw new IllegalArgumentException(
                    scenario + " needs at least one job per app: " + jobs + " jobs, " + apps.size() + " apps");
        }
        // creating a job takes a few ms; its owner sees a new job within a second (its next look at the app's jobs)
        Duration lead = Duration.ofMillis(5_000 + 50L * jobs);
        FireLattice lattice =
                FireLattice.spread(Instant.now().plus(lead), settings.fireLagRuns(), settings.fireLagSpread(), jobs);
        long start = System.nanoTime();
        for (int job = 0; job < lattice.jobs(); job++) {
            admin.createJob(apps.get(job % apps.size()), lattice.job(job, prefix + "fires-" + job, PROCESSOR));
        }
        Duration creation = Duration.ofNanos(System.nanoTime() - start);
        Duration spare = Duration.between(Instant.now(), lattice.first());
        if (spare.compareTo(Duration.ofSeconds(1)) < 0) {
            System.out.println(scenario + ": the jobs were created only " + spare.toMillis()
                    + " ms before the first fire; the first fires may be late for it");
        }
        Duration timeout = lead.plus(settings.fireLagSpread()).plus(settings.scenarioTimeout());
        Tally tally;
        RoundCpu cpu;
        Map<String, Long> processes = subject.processes();
        try (CpuSampler sampler = new CpuSampler(processes)) {
            Map<String, Double> jitBefore = JitCpu.seconds(processes);
            tally = Await.calls(subject, lattice.keys(), FireLattice::keyOf, timeout, quiet);
            Map<String, Double> jit = JitCpu.spent(jitBefore, JitCpu.seconds(processes));
            cpu = roundCpu(lattice, tally, sampler, jit);
        }
        List<FireStages.Stages> stages;
        try (Connection connection = database.connect()) {
            stages = FireStages.read(connection, tally.firstCalls());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.name() + ": " + e.getMessage(), e);
        }
        return new Fired(lattice, tally, lattice.offLattice(subject.executions()), creation, apps.size(), stages, cpu);
    }

    /** CPU from the first fire time to the last call; empty when nothing ran. */
    private static RoundCpu roundCpu(FireLattice lattice, Tally tally, CpuSampler sampler, Map<String, Double> jit) {
        List<Execution> calls = tally.firstCalls();
        if (calls.isEmpty()) {
            return new RoundCpu(0, Map.of(), jit);
        }
        Instant last = calls.get(calls.size() - 1).started();
        double window = Duration.between(lattice.first(), last).toNanos() / 1e9;
        return new RoundCpu(window, sampler.cpuSeconds(lattice.first(), last), jit);
    }

    /** Each app's misses and p99, and the server that owned it after the fires (when one did). */
    private static List<Figure> perApp(Fired fired, List<String> apps, Map<String, Integer> owners) {
        Map<String, List<Double>> lags = new LinkedHashMap<>();
        apps.forEach(app -> lags.put(app, new ArrayList<>()));
        fired.tally().firstCalls().forEach(call -> fired.lattice()
                .jobAt(call.scheduled())
                .ifPresent(job ->
                        lags.get(apps.get(job % apps.size())).add(call.lag().toNanos() / 1e6)));
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int job = 0; job < fired.lattice().jobs(); job++) {
            expected.merge(apps.get(job % apps.size()), fired.lattice().firesOf(job), Integer::sum);
        }
        Scenario scenario = Scenario.CLUSTER_SCHEDULED_FIRE_LAG;
        List<Figure> figures = new ArrayList<>();
        lags.forEach((app, ofApp) -> {
            int fires = expected.getOrDefault(app, 0);
            figures.add(
                    new Figure(scenario, Summary.CAMPANILE, "misses of " + app, fires - ofApp.size(), "runs", fires));
            if (!ofApp.isEmpty()) {
                figures.add(new Figure(
                        scenario,
                        Summary.CAMPANILE,
                        "lag p99 of " + app,
                        new Percentiles(ofApp).at(99),
                        "ms",
                        ofApp.size()));
            }
            if (owners.containsKey(app)) {
                figures.add(new Figure(scenario, Summary.CAMPANILE, "owner of " + app, owners.get(app), "server", 1));
            }
        });
        return figures;
    }

    /**
     * What one scenario saw: the lattice it fired, the books of its fires, the calls at instants of the window
     * that are no fire time, how long creating the jobs took.
     */
    private record Fired(
            FireLattice lattice,
            Tally tally,
            long offLattice,
            Duration creation,
            int apps,
            List<FireStages.Stages> stages,
            RoundCpu cpu) {

        List<Figure> figures(Scenario scenario) {
            List<Figure> figures =
                    new ArrayList<>(FireLagFigures.of(scenario, Summary.CAMPANILE, lattice.fires(), tally));
            int fires = lattice.fires();
            figures.add(new Figure(scenario, Summary.CAMPANILE, "off-lattice calls", offLattice, "calls", fires));
            figures.add(new Figure(scenario, Summary.CAMPANILE, "jobs", lattice.jobs(), "jobs", lattice.jobs()));
            figures.add(new Figure(
                    scenario,
                    Summary.CAMPANILE,
                    "job interval",
                    lattice.interval().toMillis(),
                    "ms",
                    lattice.jobs()));
            figures.add(new Figure(
                    scenario, Summary.CAMPANILE, "creating the jobs", creation.toMillis(), "ms", lattice.jobs()));
            figures.addAll(FireStages.figures(scenario, stages));
            figures.addAll(cpu.figures(scenario));
            return figures;
        }

        /** The stage split and the CPU, a line each. */
        void printDetails(Scenario scenario) {
            System.out.println(scenario + " " + FireStages.line(stages));
            System.out.println(scenario + " " + cpu.line());
        }

        void lags(Results results, String series) {
            List<Double> lags = FireLagFigures.lagsMillis(tally);
            if (!lags.isEmpty()) {
                results.fireLags(series, lags);
            }
        }

        String line() {
            List<Double> lags = FireLagFigures.lagsMillis(tally);
            String p99 = lags.isEmpty()
                    ? "no fire ran"
                    : String.format(
                            Locale.ROOT,
                            "p50 %.1f ms, p99 %.1f ms",
                            new Percentiles(lags).at(50),
                            new Percentiles(lags).at(99));
            return lattice.fires() + " fires by " + lattice.jobs() + " jobs in " + apps + " app(s), " + p99 + ", "
                    + tally.duplicates() + " duplicates, " + tally.misses() + " misses, " + offLattice
                    + " off the lattice";
        }
    }
}
