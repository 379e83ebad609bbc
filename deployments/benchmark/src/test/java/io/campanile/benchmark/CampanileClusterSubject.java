package io.campanile.benchmark;

import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.deployments.cluster.ClusterCredentials;
import io.campanile.deployments.cluster.ClusterSettings;
import io.campanile.deployments.cluster.FreePorts;
import io.campanile.deployments.cluster.MicroLaunch;
import io.campanile.deployments.cluster.PayaraProcess;
import io.campanile.deployments.cluster.PostgresDatabase;
import io.campanile.deployments.cluster.RestartableServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Campanile scaled out for {@link Scenario#CLUSTER_THROUGHPUT}: the {@link Topology}'s scheduler servers on one
 * fresh PostgreSQL database and its apps, each with its own demo app process (its worker and {@code bench}
 * processor, recording to a file of its own) that knows every server. Runs are created through the admin API,
 * split evenly over the apps; as a {@link Subject} its records are every app's, merged as they arrive. Every
 * process is killed by PID on {@link #close()}, the workers first.
 */
final class CampanileClusterSubject implements Subject {

    private static final String JOB = "bench-cluster";

    private final Topology topology;
    private final ClusterSettings cluster;
    private final Path workDir;
    private final int capacity;
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final List<RestartableServer> servers = new ArrayList<>();
    /** Each app's record file, in the apps' order. */
    private final Map<String, RecordFile> records = new LinkedHashMap<>();
    /** Each app's demo app process, in the apps' order. */
    private final Map<String, PayaraProcess> workers = new LinkedHashMap<>();
    /** Each app's runs, created through the admin API of the server at the app's index modulo the servers. */
    private final Map<String, CampanileRuns> runs = new LinkedHashMap<>();
    /** Every app's records in the order this JVM read them, so that {@link #executionsSince} stays cheap. */
    private final List<Execution> merged = new ArrayList<>();
    /** How many records of each app are in {@link #merged}. */
    private final Map<String, Integer> mergedPerApp = new LinkedHashMap<>();

    private PostgresDatabase database;

    CampanileClusterSubject(Topology topology, Path workDir, int capacity) {
        this.topology = topology;
        this.cluster = ClusterSettings.fromSystemProperties(topology.servers());
        this.workDir = workDir;
        this.capacity = capacity;
        for (String app : topology.appNames()) {
            records.put(app, new RecordFile(workDir.resolve(app + "-records.txt")));
            mergedPerApp.put(app, 0);
        }
    }

    Topology topology() {
        return topology;
    }

    /**
     * The first server's admin API, for scenarios that define jobs of their own: any server takes a job, and the
     * app's owner fires it.
     */
    /** The subject's database, for reading what the scheduler wrote (the stages of a fire). */
    PostgresDatabase database() {
        return database;
    }

    CampanileAdminClient admin() {
        return servers.get(0).admin();
    }

    @Override
    public String name() {
        return Summary.CAMPANILE;
    }

    @Override
    public String label() {
        return name() + " " + topology.label();
    }

    @Override
    public String description() {
        return "Campanile, " + topology.label() + ": " + topology.servers() + " scheduler server(s) on one database and"
                + " " + topology.apps() + " app(s), each with a demo app process of its own (worker capacity "
                + capacity + ") that knows every server; each Payara Micro a process of its own";
    }

    @Override
    public void start() {
        records.values().forEach(RecordFile::clear);
        database = PostgresDatabase.createFresh();
        for (int i = 1; i <= topology.servers(); i++) {
            servers.add(server("server-" + i, FreePorts.next()));
        }
        String serverUrls =
                servers.stream().map(server -> server.uri().toString()).collect(Collectors.joining(","));
        for (String app : topology.appNames()) {
            workers.put(
                    app,
                    CampanileSubject.demoApp(
                                    cluster,
                                    app,
                                    serverUrls,
                                    credentials.appSecret(),
                                    capacity,
                                    workDir.resolve(app + "-records.txt"))
                            .toProcess(app + "-worker", workDir));
        }
        servers.forEach(RestartableServer::start);
        workers.values().forEach(PayaraProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        servers.forEach(server -> ready.add(
                CompletableFuture.runAsync(() -> System.out.println(label() + " " + server.kind() + " ready after "
                        + server.awaitReady(cluster.startTimeout()).toMillis() + " ms"))));
        // the demo app has no health URL of its own; Payara Micro logs this once its deployments are up
        workers.forEach((app, worker) -> ready.add(CompletableFuture.runAsync(() -> System.out.println(label() + " "
                + app + " worker ready after "
                + worker.awaitLogLine(") ready in ", cluster.startTimeout()).toMillis() + " ms"))));
        ready.forEach(CompletableFuture::join);
        List<String> apps = topology.appNames();
        for (int i = 0; i < apps.size(); i++) {
            String app = apps.get(i);
            servers.get(0).admin().createApp(app, credentials.appSecret());
            long jobId = servers.get(0)
                    .admin()
                    .createJob(app, JobDefinition.onDemand(JOB, "bench"))
                    .id();
            runs.put(app, new CampanileRuns(servers.get(i % servers.size()).admin(), app, jobId));
        }
    }

    private RestartableServer server(String name, int port) {
        URI base = URI.create("http://127.0.0.1:" + port + "/campanile");
        Map<String, String> properties =
                credentials.serverProperties(base.toString(), database.jdbcUrl(), database.user());
        return new RestartableServer(name, port, credentials.adminToken(), start -> new MicroLaunch(
                        cluster.microJar(), cluster.schedulerWar(), port, properties)
                .toProcess(name, workDir));
    }

    @Override
    public String databaseName() {
        return database.name();
    }

    /** {@code count} runs due now split evenly over the apps, created for all apps at once; the keys by app. */
    Map<String, List<String>> createDueNowByApp(int count) {
        List<Integer> shares = topology.shares(count);
        List<String> apps = topology.appNames();
        Map<String, CompletableFuture<List<String>>> created = new LinkedHashMap<>();
        for (int i = 0; i < apps.size(); i++) {
            int share = shares.get(i);
            CampanileRuns ofApp = runs.get(apps.get(i));
            created.put(apps.get(i), CompletableFuture.supplyAsync(() -> ofApp.dueNow(share)));
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        created.forEach((app, future) -> keys.put(app, future.join()));
        return keys;
    }

    @Override
    public List<String> createDueNow(String prefix, int count) {
        return createDueNowByApp(count).values().stream().flatMap(List::stream).toList();
    }

    @Override
    public List<String> createAt(String prefix, List<Instant> instants) {
        throw new UnsupportedOperationException("CLUSTER_THROUGHPUT creates runs due now only");
    }

    /** The books of {@code app} over {@code keys}, from its own processor's records. */
    Tally tally(String app, List<String> keys) {
        return Tally.of(new HashSet<>(keys), records.get(app).executions());
    }

    /**
     * Which server owns each app now, as the database records it: app to server number (1 for {@code server-1});
     * an app nobody owns, or owned by a server id no server here had, is left out.
     */
    Map<String, Integer> owners() {
        ClusterView view = servers.get(0).admin().cluster();
        Map<String, Integer> numberById = new LinkedHashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            numberById.put(servers.get(i).serverId(), i + 1);
        }
        Map<String, Integer> owners = new LinkedHashMap<>();
        for (String app : topology.appNames()) {
            view.ownerships().stream()
                    .filter(ownership -> ownership.appName().equals(app))
                    .map(OwnershipView::ownerId)
                    .filter(numberById::containsKey)
                    .findFirst()
                    .ifPresent(id -> owners.put(app, numberById.get(id)));
        }
        return owners;
    }

    @Override
    public List<Execution> executions() {
        return executionsSince(0);
    }

    /** Reads what each app's processor added since and appends it to the merged records. */
    @Override
    public synchronized List<Execution> executionsSince(int from) {
        records.forEach((app, file) -> {
            List<Execution> added = file.since(mergedPerApp.get(app));
            merged.addAll(added);
            mergedPerApp.put(app, mergedPerApp.get(app) + added.size());
        });
        return List.copyOf(merged.subList(Math.min(from, merged.size()), merged.size()));
    }

    @Override
    public boolean recordsComplete() {
        return records.values().stream().allMatch(RecordFile::complete);
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        servers.stream()
                .filter(RestartableServer::isRunning)
                .forEach(server -> processes.put(server.kind(), server.process().pid()));
        workers.forEach((app, worker) -> processes.put(app + " worker app", worker.pid()));
        return processes;
    }

    @Override
    public String logTails(int lines) {
        List<PayaraProcess> processes = new ArrayList<>();
        servers.stream().filter(RestartableServer::wasStarted).forEach(server -> processes.add(server.process()));
        processes.addAll(workers.values());
        StringBuilder out = new StringBuilder();
        processes.forEach(process -> out.append(process.framedTail(lines)));
        return out.toString();
    }

    /**
     * Kills the workers first (so they stop calling), then every server, and drops the database: each of them
     * even when killing another failed.
     */
    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(workers.values());
        all.addAll(servers);
        RuntimeException failure = null;
        for (AutoCloseable each : all) {
            try {
                each.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("cannot stop " + each, e) : failure;
            }
        }
        if (database != null) {
            database.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
