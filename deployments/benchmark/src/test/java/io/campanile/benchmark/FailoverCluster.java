package io.campanile.benchmark;

import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.deployments.cluster.ClusterCredentials;
import io.campanile.deployments.cluster.ClusterSettings;
import io.campanile.deployments.cluster.FreePorts;
import io.campanile.deployments.cluster.MicroLaunch;
import io.campanile.deployments.cluster.Ownerships;
import io.campanile.deployments.cluster.PayaraProcess;
import io.campanile.deployments.cluster.PostgresDatabase;
import io.campanile.deployments.cluster.RestartableServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Campanile's failover topology: {@code serverCount} scheduler servers on one fresh PostgreSQL database, each a
 * {@link RestartableServer} of the cluster tests (killed by PID, started again on the same port with a new server
 * id), and the demo app whose worker runs the {@code bench} processor, which records each call with the epoch it
 * was dispatched under. As a {@link Subject} it takes runs through the admin API of any server that answers.
 */
final class FailoverCluster implements Subject {

    private static final String JOB = "bench-failover";

    private final ClusterSettings cluster = ClusterSettings.fromSystemProperties(2);
    private final Path workDir;
    private final int capacity;
    private final int serverCount;
    private final Path recordFile;
    private final RecordFile records;
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final List<RestartableServer> servers = new ArrayList<>();
    /** Every server id a server had (one per start), to its name: an owner id names a server also after a restart. */
    private final Map<String, String> nameById = new ConcurrentHashMap<>();

    private PostgresDatabase database;
    private PayaraProcess demo;
    private long jobId;

    /** Who owns the app: the server and the epoch of its ownership. */
    record Owner(RestartableServer server, String name, long epoch) {}

    FailoverCluster(Path workDir, int capacity, int serverCount) {
        this.workDir = workDir;
        this.capacity = capacity;
        this.serverCount = serverCount;
        this.recordFile = workDir.resolve("records.txt");
        this.records = new RecordFile(recordFile);
    }

    @Override
    public String name() {
        return Summary.CAMPANILE;
    }

    @Override
    public String description() {
        return "Campanile failover: " + serverCount + " scheduler servers on one database and the demo app's worker"
                + " (capacity " + capacity + "), each its own Payara Micro process; a server killed or stopped is"
                + " started again on its port before the next repetition";
    }

    @Override
    public void start() {
        records.clear();
        database = PostgresDatabase.createFresh();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= serverCount; i++) {
            ports.add(FreePorts.next());
        }
        String serverUrls = ports.stream().map(port -> baseUri(port).toString()).collect(Collectors.joining(","));
        for (int i = 0; i < serverCount; i++) {
            servers.add(server("server-" + (i + 1), ports.get(i)));
        }
        demo = CampanileSubject.demoApp(
                        cluster, CampanileSubject.APP, serverUrls, credentials.appSecret(), capacity, recordFile)
                .toProcess("campanile-demo", workDir);
        servers.forEach(RestartableServer::start);
        demo.start();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        servers.forEach(server -> ready.add(CompletableFuture.runAsync(() -> awaitReady(server))));
        ready.add(CompletableFuture.runAsync(() -> System.out.println("failover demo app ready after "
                + demo.awaitLogLine(") ready in ", cluster.startTimeout()).toMillis() + " ms")));
        ready.forEach(CompletableFuture::join);
        CampanileAdminClient admin = servers.get(0).admin();
        admin.createApp(CampanileSubject.APP, credentials.appSecret());
        jobId = admin.createJob(CampanileSubject.APP, JobDefinition.onDemand(JOB, "bench"))
                .id();
    }

    private RestartableServer server(String name, int port) {
        Map<String, String> properties =
                credentials.serverProperties(baseUri(port).toString(), database.jdbcUrl(), database.user());
        return new RestartableServer(name, port, credentials.adminToken(), start -> new MicroLaunch(
                        cluster.microJar(), cluster.schedulerWar(), port, properties)
                .toProcess(name + "-" + start, workDir));
    }

    /** Waits until {@code server} answers its health URL and learns its new id. */
    private void awaitReady(RestartableServer server) {
        Duration took = server.awaitReady(cluster.startTimeout());
        nameById.put(server.serverId(), server.kind());
        System.out.println("failover " + server + " ready after " + took.toMillis() + " ms");
    }

    /** The app's owner now, as the database records it. */
    Owner owner() {
        OwnershipView ownership = Ownerships.of(onAnyServer(CampanileAdminClient::cluster), CampanileSubject.APP);
        String name = nameById.get(ownership.ownerId());
        RestartableServer server = servers.stream()
                .filter(s -> s.kind().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("the owner " + ownership.ownerId() + " is none of " + servers));
        return new Owner(server, name, ownership.epoch());
    }

    /** The server name behind each epoch of the app that the database's ownership history still shows. */
    Map<Long, String> ownersByEpoch() {
        ClusterView view = onAnyServer(CampanileAdminClient::cluster);
        Map<Long, String> owners = new LinkedHashMap<>();
        view.history().stream()
                .filter(change -> change.appName().equals(CampanileSubject.APP))
                .forEach(change -> owners.put(change.epoch(), nameById.getOrDefault(change.newOwnerId(), "?")));
        view.ownerships().stream()
                .filter(ownership -> ownership.appName().equals(CampanileSubject.APP))
                .forEach(ownership -> owners.put(ownership.epoch(), nameById.getOrDefault(ownership.ownerId(), "?")));
        return owners;
    }

    /** Inflicts {@code event} on {@code server}; returns at once (a stopping server may still be handing over). */
    void inflict(FailoverEvent event, RestartableServer server) {
        switch (event) {
            case KILL -> server.process().kill9();
            case FREEZE -> server.process().suspend();
            case GRACEFUL -> server.process().terminate();
        }
    }

    /**
     * After the new owner fired: a frozen server runs on (and must find itself deposed: it is given a lease and a
     * renewal, 4 s, to notice); a stopping one is waited for.
     */
    void settle(FailoverEvent event, RestartableServer server) {
        switch (event) {
            case FREEZE -> {
                server.process().resume();
                server.process().awaitReady(server.healthUri(), cluster.startTimeout());
                Await.pause(Duration.ofSeconds(4));
            }
            case GRACEFUL -> {
                if (!server.process().awaitExit(Duration.ofSeconds(30))) {
                    server.process().kill9();
                }
            }
            case KILL -> {}
        }
    }

    /** Starts every server that is not running again, so that the cluster has its size for the next repetition. */
    void restore() {
        servers.stream().filter(server -> !server.isRunning()).forEach(server -> {
            server.start();
            awaitReady(server);
        });
    }

    @Override
    public String databaseName() {
        return database.name();
    }

    @Override
    public List<String> createDueNow(String prefix, int count) {
        return onAnyServer(admin -> new CampanileRuns(admin, CampanileSubject.APP, jobId).dueNow(count));
    }

    @Override
    public List<String> createAt(String prefix, List<Instant> instants) {
        return onAnyServer(admin -> new CampanileRuns(admin, CampanileSubject.APP, jobId).at(instants));
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
        servers.stream()
                .filter(RestartableServer::isRunning)
                .forEach(server -> processes.put(server.kind(), server.process().pid()));
        processes.put("worker app", demo.pid());
        return processes;
    }

    @Override
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        List<PayaraProcess> processes = new ArrayList<>();
        servers.stream().filter(RestartableServer::wasStarted).forEach(server -> processes.add(server.process()));
        if (demo != null) {
            processes.add(demo);
        }
        processes.forEach(process -> out.append(process.framedTail(lines)));
        return out.toString();
    }

    /** Kills the worker first (so it stops calling), then every server, and drops the database. */
    @Override
    public void close() {
        try {
            if (demo != null) {
                demo.close();
            }
            servers.forEach(server -> {
                if (server.wasStarted() && server.process().isSuspended()) {
                    server.process().resume(); // a frozen process would only die once continued
                }
                server.close();
            });
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** Asks the running, unfrozen servers in turn until one answers: the others may be down or stopping. */
    private <T> T onAnyServer(Function<CampanileAdminClient, T> call) {
        RuntimeException failure = new IllegalStateException("no scheduler server answers");
        for (RestartableServer server : servers) {
            if (server.isRunning() && !server.process().isSuspended()) {
                try {
                    return call.apply(server.admin());
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        throw failure;
    }

    private static URI baseUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/campanile");
    }
}
