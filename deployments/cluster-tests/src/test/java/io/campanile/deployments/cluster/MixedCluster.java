package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same scheduler WAR on two application servers, one Payara Micro and one WildFly (standalone.xml), on a
 * fresh PostgreSQL database, and the demo app with its worker on Payara Micro. The servers listen on
 * 127.0.0.1 and advertise their own address (no proxy). {@link #close()} stops everything by PID and drops the
 * database.
 */
public final class MixedCluster implements AutoCloseable {

    public static final String DEMO_APP = "demo";

    private final ClusterSettings settings;
    private final Path wildflyHome;
    private final Path logDir;
    private final PostgresDatabase database;
    private final ClusterCredentials credentials = ClusterCredentials.random();
    private final String adminToken = credentials.adminToken();
    private final String appSecret = credentials.appSecret();
    private RestartableServer payara;
    private RestartableServer wildfly;
    private PayaraProcess demo;

    private MixedCluster(ClusterSettings settings, Path wildflyHome, PostgresDatabase database) {
        this.settings = settings;
        this.wildflyHome = wildflyHome;
        this.logDir = settings.logDir().resolve("mixed");
        this.database = database;
    }

    /** Starts the three processes at once; returns when both servers answer their health URL and the demo is up. */
    public static MixedCluster start(ClusterSettings settings, Path wildflyHome) {
        if (!Files.isRegularFile(wildflyHome.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no WildFly at " + wildflyHome + "; the build unpacks it (mvn verify)");
        }
        MixedCluster cluster = new MixedCluster(settings, wildflyHome, PostgresDatabase.createFresh());
        try {
            cluster.launch();
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            System.err.println("mixed cluster start failed: " + e.getMessage());
            cluster.printLogTails(60);
            cluster.close();
            throw e;
        }
    }

    private void launch() throws IOException {
        Files.createDirectories(logDir);
        Files.deleteIfExists(auditFile()); // left by an earlier run
        int payaraPort = FreePorts.next();
        payara = new RestartableServer("payara", payaraPort, adminToken, start -> new MicroLaunch(
                        settings.microJar(),
                        settings.schedulerWar(),
                        payaraPort,
                        credentials.serverProperties(
                                "http://127.0.0.1:" + payaraPort + "/campanile", database.jdbcUrl(), database.user()))
                .toProcess("payara-" + start, logDir));
        int portOffset = WildFlyLaunch.freePortOffset();
        WildFlyLaunch wildflyLaunch = new WildFlyLaunch(wildflyHome, settings.schedulerWar(), portOffset, Map.of());
        String wildflyUrl = "http://127.0.0.1:" + wildflyLaunch.httpPort() + "/campanile";
        wildfly = new RestartableServer("wildfly", wildflyLaunch.httpPort(), adminToken, start -> new WildFlyLaunch(
                        wildflyHome,
                        settings.schedulerWar(),
                        portOffset,
                        credentials.serverProperties(wildflyUrl, database.jdbcUrl(), database.user()))
                .toProcess("wildfly-" + start, logDir));
        demo = new MicroLaunch(settings.microJar(), settings.demoWar(), FreePorts.next(), demoProperties())
                .toProcess("demo", logDir);

        payara.start();
        wildfly.start();
        demo.start();
        Duration timeout = settings.startTimeout();
        ExecutorService waiters = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<String>> ready = new ArrayList<>();
            for (RestartableServer server : servers()) {
                ready.add(CompletableFuture.supplyAsync(
                        () -> server.kind() + " ready after "
                                + server.awaitReady(timeout).toMillis() + " ms",
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
        servers().forEach(server -> System.out.println("started " + server));
    }

    private Map<String, String> demoProperties() {
        return Map.of(
                "campanile.app",
                DEMO_APP,
                "campanile.app.secret",
                appSecret,
                "campanile.servers",
                payara.uri() + "," + wildfly.uri(),
                "demo.audit.file",
                auditFile().toString());
    }

    public List<RestartableServer> servers() {
        return List.of(payara, wildfly);
    }

    public RestartableServer wildfly() {
        return wildfly;
    }

    public List<RestartableServer> runningServers() {
        return servers().stream().filter(RestartableServer::isRunning).toList();
    }

    /** The running server with this id. */
    public RestartableServer server(String serverId) {
        return runningServers().stream()
                .filter(server -> server.serverId().equals(serverId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no running server with id " + serverId));
    }

    public RestartableServer other(RestartableServer server) {
        return server == payara ? wildfly : payara;
    }

    /** Starts a server that is not running again on its port and waits until it is ready. */
    public Duration restart(RestartableServer server) {
        server.start();
        return server.awaitReady(settings.startTimeout());
    }

    public PayaraProcess demo() {
        return demo;
    }

    public String appSecret() {
        return appSecret;
    }

    /** One line per run of the demo's {@code audit} processor (see {@link AuditLog}). */
    public Path auditFile() {
        return logDir.resolve("audit.txt");
    }

    public Path logDir() {
        return logDir;
    }

    /** The tail of every log: each server's latest process and the demo. */
    public void printLogTails(int lines) {
        List<PayaraProcess> processes = new ArrayList<>();
        for (RestartableServer server : new RestartableServer[] {payara, wildfly}) {
            if (server != null && server.wasStarted()) {
                processes.add(server.process());
            }
        }
        if (demo != null) {
            processes.add(demo);
        }
        for (PayaraProcess process : processes) {
            System.out.println("===== last " + lines + " lines of " + process.logFile() + " =====");
            System.out.println(process.tail(lines));
        }
    }

    /** Kills what still runs (the worker first, so it stops calling), then drops the database. */
    @Override
    public void close() {
        try {
            if (demo != null) {
                demo.close();
            }
            for (RestartableServer server : new RestartableServer[] {payara, wildfly}) {
                if (server != null) {
                    server.close();
                }
            }
        } finally {
            database.close();
        }
    }
}
