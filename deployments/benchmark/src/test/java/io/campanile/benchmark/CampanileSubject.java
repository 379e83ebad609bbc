package io.campanile.benchmark;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.deployments.cluster.ClusterCredentials;
import io.campanile.deployments.cluster.ClusterSettings;
import io.campanile.deployments.cluster.FreePorts;
import io.campanile.deployments.cluster.MicroLaunch;
import io.campanile.deployments.cluster.PayaraProcess;
import io.campanile.deployments.cluster.PostgresDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campanile as its users run it: one scheduler server (Payara Micro with the scheduler WAR) on a fresh
 * PostgreSQL database, and the demo business application (its own Payara Micro, the worker inside) whose
 * {@code bench} processor records every call to a file. Runs are created through the admin API
 * ({@link CampanileRuns}). Both processes are killed by PID on {@link #close()}, or by the harness's reaper
 * when the JVM exits.
 */
final class CampanileSubject implements Subject {

    static final String APP = "bench";
    private static final String JOB = "bench-noop";

    private final ClusterSettings cluster = ClusterSettings.fromSystemProperties(1);
    private final Path workDir;
    private final int capacity;
    private final Path recordFile;
    private final RecordFile records;
    private PostgresDatabase database;
    private PayaraProcess server;
    private PayaraProcess demo;
    private CampanileAdminClient admin;
    private CampanileRuns runs;

    CampanileSubject(Path workDir, int capacity) {
        this.workDir = workDir;
        this.capacity = capacity;
        this.recordFile = workDir.resolve("records.txt");
        this.records = new RecordFile(recordFile);
    }

    @Override
    public String name() {
        return Summary.CAMPANILE;
    }

    @Override
    public String description() {
        return "Campanile: one scheduler server and the demo app's worker (capacity " + capacity
                + "), each its own Payara Micro process; runs created through the admin API in batches of up to 5,000 (POST .../runs)";
    }

    @Override
    public void start() {
        records.clear();
        database = PostgresDatabase.createFresh();
        ClusterCredentials credentials = ClusterCredentials.random();
        int serverPort = FreePorts.next();
        URI base = URI.create("http://127.0.0.1:" + serverPort + "/campanile");
        server = new MicroLaunch(
                        cluster.microJar(),
                        cluster.schedulerWar(),
                        serverPort,
                        credentials.serverProperties(base.toString(), database.jdbcUrl(), database.user()))
                .toProcess("campanile-server", workDir);
        demo = demoApp(cluster, APP, base.toString(), credentials.appSecret(), capacity, recordFile)
                .toProcess("campanile-demo", workDir);
        server.start();
        demo.start();
        System.out.println("campanile server ready after "
                + server.awaitReady(URI.create(base + "/api/health"), cluster.startTimeout())
                        .toMillis() + " ms");
        admin = new CampanileAdminClient(base, credentials.adminToken());
        admin.createApp(APP, credentials.appSecret());
        long jobId = admin.createJob(APP, JobDefinition.onDemand(JOB, "bench")).id();
        runs = new CampanileRuns(admin, APP, jobId);
        // the demo app has no health URL of its own; Payara Micro logs this once its deployments are up
        System.out.println("campanile demo app ready after "
                + demo.awaitLogLine(") ready in ", cluster.startTimeout()).toMillis() + " ms");
    }

    @Override
    public String databaseName() {
        return database.name();
    }

    @Override
    public List<String> createDueNow(String prefix, int count) {
        return runs.dueNow(count);
    }

    @Override
    public List<String> createAt(String prefix, List<Instant> instants) {
        return runs.at(instants);
    }

    /** The admin API of the running server, for scenarios that define apps and jobs of their own. */
    /** The subject's database, for reading what the scheduler wrote (the stages of a fire). */
    PostgresDatabase database() {
        return database;
    }

    CampanileAdminClient admin() {
        return admin;
    }

    @Override
    public List<Execution> executions() {
        return records.executions();
    }

    @Override
    public List<Execution> executionsSince(int from) {
        return records.since(from);
    }

    @Override
    public boolean recordsComplete() {
        return records.complete();
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("server", server.pid());
        processes.put("worker app", demo.pid());
        return processes;
    }

    @Override
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (PayaraProcess process : new PayaraProcess[] {server, demo}) {
            if (process != null) {
                out.append(process.framedTail(lines));
            }
        }
        return out.toString();
    }

    /** Kills the worker first (so it stops calling), then the server, and drops the database. */
    @Override
    public void close() {
        try {
            if (admin != null) {
                admin.close();
            }
            if (demo != null) {
                demo.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * The demo business application with its worker for {@code app} at {@code servers} (comma-separated), its
     * {@code bench} processor recording every call to {@code recordFile}.
     */
    static MicroLaunch demoApp(
            ClusterSettings cluster, String app, String servers, String appSecret, int capacity, Path recordFile) {
        return new MicroLaunch(
                cluster.microJar(),
                cluster.demoWar(),
                FreePorts.next(),
                workerProperties(Map.of(
                        "campanile.app", app,
                        "campanile.app.secret", appSecret,
                        "campanile.servers", servers,
                        "campanile.worker.capacity", Integer.toString(capacity),
                        "demo.bench.file", recordFile.toString())));
    }

    /** {@code properties}, and the worker's prefetch when {@code benchmark.campanile.prefetch} sets one. */
    private static Map<String, String> workerProperties(Map<String, String> properties) {
        String prefetch = System.getProperty("benchmark.campanile.prefetch", "");
        if (prefetch.isBlank()) {
            return properties;
        }
        Map<String, String> withPrefetch = new LinkedHashMap<>(properties);
        withPrefetch.put("campanile.worker.prefetch", prefetch);
        return withPrefetch;
    }
}
