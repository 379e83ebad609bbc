package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The chaos soak's topology on this machine: a {@link PrivatePostgres} (so that it can be restarted) holding a fresh
 * database, three scheduler servers ({@link ChaosServer}, each behind its own HTTP and database proxies, with a
 * steppable wall clock) and, for each of the apps, two worker applications ({@link ChaosWorker}, the demo WAR). The
 * servers start first, then the workers (staggered: seven Payara Micro JVMs on two cores). Logs and the audit files
 * (one per app, shared by its workers) go to {@code <logDir>/chaos/}. {@link #close()} stops everything by PID and
 * the database server by {@code pg_ctl}.
 */
final class ChaosCluster implements AutoCloseable {

    static final int SERVERS = 3;
    static final int WORKERS_PER_APP = 2;

    private final ClusterSettings settings;
    private final List<String> apps;
    private final Path dir;
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final Map<String, String> appSecrets;
    private final List<ChaosServer> servers = new ArrayList<>();
    private final List<ChaosWorker> workers = new ArrayList<>();
    private PrivatePostgres postgres;
    private PostgresDatabase database;

    private ChaosCluster(ClusterSettings settings, List<String> apps) {
        this.settings = settings;
        this.apps = List.copyOf(apps);
        this.dir = settings.logDir().resolve("chaos");
        this.appSecrets = apps.stream().collect(Collectors.toMap(app -> app, app -> ClusterCredentials.randomToken()));
    }

    static ChaosCluster start(ClusterSettings settings, List<String> apps) {
        ChaosCluster cluster = new ChaosCluster(settings, apps);
        try {
            cluster.launch();
            return cluster;
        } catch (RuntimeException | Error e) {
            System.err.println("chaos cluster start failed: " + e.getMessage());
            cluster.printLogTails(60);
            cluster.close();
            throw e;
        }
    }

    private void launch() {
        deleteRecursively(dir); // logs and audit files of an earlier run
        postgres = PrivatePostgres.start(PrivatePostgres.DEFAULT_BIN_DIR);
        database = PostgresDatabase.createFresh(postgres.adminUrl(), postgres.user());
        System.out.println("CHAOS-SETUP " + postgres + ", database " + database.name());
        for (int i = 1; i <= SERVERS; i++) {
            servers.add(server("server-" + i));
        }
        for (String app : apps) {
            for (int w = 1; w <= WORKERS_PER_APP; w++) {
                workers.add(worker(app, app + "-w" + w));
            }
        }
        servers.forEach(ChaosServer::start);
        awaitAll(servers.stream()
                .<Supplier<String>>map(server -> () -> server.name() + " ready after "
                        + server.awaitReady(settings.startTimeout()).toMillis() + " ms")
                .toList());
        workers.forEach(ChaosWorker::start);
        awaitAll(workers.stream()
                .<Supplier<String>>map(worker -> () -> worker.name() + " ready after "
                        + worker.awaitReady(settings.startTimeout()).toMillis() + " ms")
                .toList());
        servers.forEach(server -> System.out.println("CHAOS-SETUP started " + server));
        workers.forEach(worker -> System.out.println("CHAOS-SETUP started " + worker));
    }

    private ChaosServer server(String name) {
        int httpPort = FreePorts.next();
        TcpProxy httpProxy = TcpProxy.start(FreePorts.next(), httpPort);
        TcpProxy databaseProxy = TcpProxy.start(FreePorts.next(), postgres.port());
        WallClock clock = WallClock.at(dir.resolve(name + "-faketime.txt"));
        Map<String, String> properties = credentials.serverProperties(
                SchedulerNode.baseUri(httpProxy.listenPort()).toString(),
                PostgresUrls.viaLoopbackPort(database.jdbcUrl(), databaseProxy.listenPort()),
                database.user());
        RestartableServer restartable =
                new RestartableServer(name, httpPort, credentials.adminToken(), start -> new MicroLaunch(
                                settings.microJar(), settings.schedulerWar(), httpPort, properties)
                        .withEnvironment(clock.environment())
                        .toProcess(name + "-" + start, dir));
        return new ChaosServer(name, httpProxy, databaseProxy, clock, restartable);
    }

    private ChaosWorker worker(String app, String name) {
        int httpPort = FreePorts.next();
        String serverUrls = servers.stream()
                .map(server -> server.advertisedUri().toString())
                .collect(Collectors.joining(","));
        return new ChaosWorker(app, name, (processName, workerId) -> new MicroLaunch(
                        settings.microJar(),
                        settings.demoWar(),
                        httpPort,
                        Map.of(
                                "campanile.app", app,
                                "campanile.app.secret", appSecrets.get(app),
                                "campanile.servers", serverUrls,
                                "campanile.worker.id", workerId,
                                "demo.audit.file", auditFile(app).toString()))
                .toProcess(processName, dir));
    }

    private static void awaitAll(List<Supplier<String>> waits) {
        ExecutorService waiters = Executors.newFixedThreadPool(waits.size());
        try {
            List<CompletableFuture<String>> ready = waits.stream()
                    .map(wait -> CompletableFuture.supplyAsync(wait, waiters))
                    .toList();
            ready.forEach(future -> System.out.println("CHAOS-SETUP " + future.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            waiters.shutdownNow();
        }
    }

    List<String> apps() {
        return apps;
    }

    String appSecret(String app) {
        return appSecrets.get(app);
    }

    List<ChaosServer> servers() {
        return List.copyOf(servers);
    }

    List<ChaosWorker> workers() {
        return List.copyOf(workers);
    }

    /** Servers a call will not hang on, in a fixed order. */
    List<ChaosServer> answeringServers() {
        return servers.stream().filter(ChaosServer::isAnswering).toList();
    }

    /** The server that owns {@code app} now, as {@code server_info} records it; empty if none of ours does. */
    Optional<ChaosServer> ownerOf(String app) {
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT owner_id FROM server_info WHERE app_name = ?")) {
            query.setString(1, app);
            try (ResultSet rows = query.executeQuery()) {
                String owner = rows.next() ? rows.getString(1) : null;
                return servers.stream()
                        .filter(server -> server.serverIds().contains(owner))
                        .findFirst();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the owner of " + app + ": " + e.getMessage(), e);
        }
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    PostgresDatabase database() {
        return database;
    }

    Duration startTimeout() {
        return settings.startTimeout();
    }

    /** The audit file of {@code app}'s workers: one line per run of the {@code audit} processor. */
    Path auditFile(String app) {
        return dir.resolve("audit-" + app + ".txt");
    }

    Path dir() {
        return dir;
    }

    /**
     * Deletes the Payara Micro root directory (about 100 MB) of a process that has exited, keeping its log: a long
     * soak starts a hundred processes. {@link MicroLaunch#toProcess} puts it beside the log, as {@code <name>-root}.
     */
    void discardRootOf(PayaraProcess exited) {
        if (exited.isAlive()) {
            throw new IllegalStateException(exited.name() + " still runs");
        }
        deleteRecursively(dir.resolve(exited.name() + "-root"));
    }

    /** {@code free -m}, as the machine sees it now. */
    static String memory() {
        try {
            Process free =
                    new ProcessBuilder("free", "-m").redirectErrorStream(true).start();
            String output = new String(free.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            free.waitFor();
            return output.strip();
        } catch (IOException e) {
            return "free -m failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The tail of every process's current log and of PostgreSQL's log. */
    void printLogTails(int lines) {
        List<PayaraProcess> processes = new ArrayList<>();
        for (ChaosServer server : servers) {
            try {
                processes.add(server.process());
            } catch (IllegalStateException neverStarted) {
                // nothing to show
            }
        }
        for (ChaosWorker worker : workers) {
            try {
                processes.add(worker.process());
            } catch (IllegalStateException neverStarted) {
                // nothing to show
            }
        }
        for (PayaraProcess process : processes) {
            System.out.println("===== last " + lines + " lines of " + process.logFile() + " =====");
            System.out.println(process.tail(lines));
        }
        if (postgres != null && Files.exists(postgres.logFile())) {
            try {
                List<String> log = Files.readAllLines(postgres.logFile(), StandardCharsets.ISO_8859_1);
                System.out.println("===== last 20 lines of " + postgres.logFile() + " =====");
                System.out.println(String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
            } catch (IOException e) {
                System.out.println("cannot read " + postgres.logFile() + ": " + e);
            }
        }
    }

    /** Workers first (so that they stop calling), then servers and proxies, then PostgreSQL. */
    @Override
    public void close() {
        try {
            workers.forEach(ChaosWorker::close);
            servers.forEach(ChaosServer::close);
        } finally {
            if (postgres != null) {
                postgres.close(); // the fresh database goes with the whole private cluster
            }
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + path, e);
        }
    }
}
