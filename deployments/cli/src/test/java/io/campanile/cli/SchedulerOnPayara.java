package io.campanile.cli;

import io.campanile.deployments.cluster.ClusterCredentials;
import io.campanile.deployments.cluster.FreePorts;
import io.campanile.deployments.cluster.MicroLaunch;
import io.campanile.deployments.cluster.PayaraProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One scheduler server (the WAR on Payara Micro, on its default in-memory H2 database) on a free loopback port, with
 * a random admin token, started and stopped by PID with the cluster tests' harness. Failsafe passes where the Payara
 * Micro jar and the WAR are.
 */
final class SchedulerOnPayara implements AutoCloseable {

    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("campanile.it.startTimeoutSeconds", 180));

    private final String adminToken = ClusterCredentials.randomToken();
    private final String url;
    private final PayaraProcess process;

    private SchedulerOnPayara(int port, Path logDir) {
        url = "http://127.0.0.1:" + port + "/campanile";
        Map<String, String> properties = Map.of(
                "campanile.server.url", url,
                "campanile.admin.token", adminToken,
                "campanile.cluster.token", ClusterCredentials.randomToken());
        process = new MicroLaunch(
                        existingFile("payara.microJar"), existingFile("campanile.it.schedulerWar"), port, properties)
                .toProcess("scheduler", logDir);
    }

    /** Starts the server and returns once its health URL answers; stops it again if it does not. */
    static SchedulerOnPayara start() {
        Path logDir = Path.of(System.getProperty("campanile.it.logDir", "target/cli-it-logs"))
                .toAbsolutePath();
        SchedulerOnPayara server = new SchedulerOnPayara(FreePorts.next(), logDir);
        try {
            server.process.start();
            Duration took = server.process.awaitReady(URI.create(server.url + "/api/health"), START_TIMEOUT);
            System.out.println("CLI-IT scheduler ready in " + took.toMillis() + " ms (pid " + server.process.pid()
                    + ", log " + server.process.logFile() + ")");
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    String adminToken() {
        return adminToken;
    }

    String logTail() {
        return process.framedTail(60);
    }

    /** Kills the process by its PID if it still runs. */
    @Override
    public void close() {
        process.close();
    }

    private static Path existingFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(property + " = " + value + " is no file; run the IT through Maven"
                    + " (failsafe sets it): mvn verify -pl deployments/cli -am");
        }
        return Path.of(value).toAbsolutePath();
    }
}
