package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A Campanile cluster on this machine: a fresh PostgreSQL database, scheduler servers and the demo app with its
 * worker, every process a Payara Micro instance. Each server sits behind two {@link TcpProxy}s of its own: one
 * in front of its HTTP listener (the address it advertises to peers and workers) and one between it and the
 * database, so that a test can make its host vanish ({@link #vanish}). {@link #close()} stops everything and
 * drops the database.
 */
public final class CampanileCluster implements AutoCloseable {

    public static final String DEMO_APP = "demo";

    private final ClusterSettings settings;
    private final PostgresDatabase database;
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final String adminToken = credentials.adminToken();
    private final String appSecret = credentials.appSecret();
    private final List<SchedulerNode> servers = new ArrayList<>();
    private final Map<String, TcpProxy> databaseProxies = new HashMap<>();
    private final Map<String, WallClock> wallClocks = new HashMap<>();
    private final Map<String, String> serverSettings;
    private PayaraProcess demo;

    private CampanileCluster(ClusterSettings settings, PostgresDatabase database, Map<String, String> serverSettings) {
        this.settings = settings;
        this.database = database;
        this.serverSettings = Map.copyOf(serverSettings);
    }

    /** Starts all processes at once and returns when every server answers its health URL and the demo is up. */
    public static CampanileCluster start(ClusterSettings settings) {
        return start(settings, Map.of());
    }

    /** The same, with these settings ({@code campanile.*} keys) given to every scheduler server as well. */
    public static CampanileCluster start(ClusterSettings settings, Map<String, String> serverSettings) {
        CampanileCluster cluster = new CampanileCluster(settings, PostgresDatabase.createFresh(), serverSettings);
        try {
            cluster.launch();
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            System.err.println("cluster start failed: " + e.getMessage());
            cluster.printLogTails(60);
            cluster.close();
            throw e;
        }
    }

    private void launch() throws IOException {
        Files.deleteIfExists(auditFile()); // left by an earlier run
        for (int i = 1; i <= settings.serverCount(); i++) {
            int httpPort = FreePorts.next();
            TcpProxy proxy = TcpProxy.start(FreePorts.next(), httpPort);
            String name = "server-" + i;
            TcpProxy databaseProxy = TcpProxy.start(FreePorts.next(), PostgresUrls.port(database.jdbcUrl()));
            databaseProxies.put(name, databaseProxy);
            // every server's wall clock can be stepped (libfaketime), so that any of them can be the owner stepped
            WallClock wallClock = WallClock.at(settings.logDir().resolve(name + "-faketime.txt"));
            wallClocks.put(name, wallClock);
            Map<String, String> properties = new HashMap<>(credentials.serverProperties(
                    SchedulerNode.baseUri(proxy.listenPort()).toString(),
                    PostgresUrls.viaLoopbackPort(database.jdbcUrl(), databaseProxy.listenPort()),
                    database.user()));
            properties.putAll(serverSettings);
            PayaraProcess process = new MicroLaunch(settings.microJar(), settings.schedulerWar(), httpPort, properties)
                    .withEnvironment(wallClock.environment())
                    .toProcess(name, settings.logDir());
            servers.add(new SchedulerNode(name, httpPort, proxy, process, adminToken));
        }
        demo = new MicroLaunch(settings.microJar(), settings.demoWar(), FreePorts.next(), demoProperties())
                .toProcess("demo", settings.logDir());

        servers.forEach(server -> server.process().start());
        demo.start();
        Duration timeout = settings.startTimeout();
        ExecutorService waiters = Executors.newFixedThreadPool(servers.size() + 1);
        try {
            List<CompletableFuture<String>> ready = new ArrayList<>();
            for (SchedulerNode server : servers) {
                ready.add(CompletableFuture.supplyAsync(
                        () -> server.name() + " ready after "
                                + server.process()
                                        .awaitReady(server.healthUri(), timeout)
                                        .toMillis() + " ms",
                        waiters));
            }
            // the demo app has no health URL of its own; Payara Micro logs this once its deployments are up
            ready.add(CompletableFuture.supplyAsync(
                    () -> "demo ready after "
                            + demo.awaitLogLine(") ready in ", timeout).toMillis() + " ms",
                    waiters));
            ready.forEach(future -> System.out.println(future.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            waiters.shutdownNow();
        }
        // read now: a server's id is needed to find it as an owner, also after it was killed
        servers.forEach(server -> System.out.println("started " + server.serverId() + ": " + server));
    }

    private Map<String, String> demoProperties() {
        return Map.of(
                "campanile.app",
                DEMO_APP,
                "campanile.app.secret",
                appSecret,
                "campanile.servers",
                servers.stream()
                        .map(server -> server.advertisedUri().toString())
                        .collect(Collectors.joining(",")),
                "demo.audit.file",
                auditFile().toString());
    }

    public List<SchedulerNode> servers() {
        return List.copyOf(servers);
    }

    public List<SchedulerNode> runningServers() {
        return servers.stream().filter(SchedulerNode::isRunning).toList();
    }

    /**
     * The running servers that can answer: not suspended ({@link PayaraProcess#suspend()}) and not vanished
     * ({@link #vanish}); a call to the others would hang until its timeout.
     */
    public List<SchedulerNode> answeringServers() {
        return runningServers().stream()
                .filter(server -> !server.process().isSuspended())
                .filter(server -> !databaseProxy(server).isBlackholed())
                .toList();
    }

    /** The proxy between {@code server} and the database. */
    public TcpProxy databaseProxy(SchedulerNode server) {
        TcpProxy proxy = databaseProxies.get(server.name());
        if (proxy == null) {
            throw new NoSuchElementException("no server named " + server.name());
        }
        return proxy;
    }

    /**
     * Makes the host of {@code server} vanish as in a power loss or network cut: its HTTP proxy and its
     * database proxy stop forwarding without closing any connection, so peers, workers and the server itself
     * wait on silent connections. The tests still reach the server directly. {@link #reappear} heals both.
     */
    public void vanish(SchedulerNode server) {
        server.proxy().blackhole();
        databaseProxy(server).blackhole();
    }

    public void reappear(SchedulerNode server) {
        databaseProxy(server).heal();
        server.proxy().heal();
    }

    public SchedulerNode server(String serverId) {
        return servers.stream()
                .filter(server -> server.serverId().equals(serverId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no server with id " + serverId + " in " + servers));
    }

    /** The server's wall clock, to step it while the server runs. */
    public WallClock wallClock(SchedulerNode server) {
        return wallClocks.get(server.name());
    }

    /** A connection to the cluster's database, directly (not through a server's proxy), to read what it holds. */
    public Connection connectToDatabase() throws SQLException {
        return database.connect();
    }

    public PayaraProcess demo() {
        return demo;
    }

    public String appSecret() {
        return appSecret;
    }

    /** One line per run of the demo's {@code audit} processor: jobName|fireTime|instanceId|attempt|epoch|worker. */
    public Path auditFile() {
        return settings.logDir().resolve("audit.txt");
    }

    public void printLogTails(int lines) {
        List<PayaraProcess> processes = new ArrayList<>();
        servers.forEach(server -> processes.add(server.process()));
        if (demo != null) {
            processes.add(demo);
        }
        for (PayaraProcess process : processes) {
            System.out.println("===== last " + lines + " lines of " + process.logFile() + " =====");
            System.out.println(process.tail(lines));
        }
    }

    /** Kills what still runs (the worker first, so it stops calling), closes the proxies, drops the database. */
    @Override
    public void close() {
        try {
            if (demo != null) {
                demo.close();
            }
            servers.forEach(SchedulerNode::close);
            databaseProxies.values().forEach(TcpProxy::close);
        } finally {
            database.close();
        }
    }
}
