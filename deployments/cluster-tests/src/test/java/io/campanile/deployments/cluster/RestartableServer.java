package io.campanile.deployments.cluster;

import io.campanile.api.client.CampanileAdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * A scheduler server that can be killed and started again on the same port: each start is a new process
 * (with a log of its own, from {@code launches}) and a new server id, since a server draws its id when it
 * starts. {@code kind} names the application server in the figures: {@code payara} or {@code wildfly}.
 */
public final class RestartableServer implements AutoCloseable {

    private final String kind;
    private final int httpPort;
    private final IntFunction<PayaraProcess> launches;
    private final String adminToken;
    private final CampanileAdminClient admin;
    private PayaraProcess process;
    private int starts;
    private String serverId;

    /** @param launches the process of the n-th start (1, 2, ...), not started yet */
    public RestartableServer(String kind, int httpPort, String adminToken, IntFunction<PayaraProcess> launches) {
        this.kind = kind;
        this.httpPort = httpPort;
        this.launches = launches;
        this.adminToken = adminToken;
        this.admin = new CampanileAdminClient(uri(), adminToken);
    }

    public String kind() {
        return kind;
    }

    /** Where the server listens and what it advertises: the tests use no proxy here. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/campanile");
    }

    public URI healthUri() {
        return URI.create(uri() + "/api/health");
    }

    public CampanileAdminClient admin() {
        return admin;
    }

    /** The raw JSON text of an admin API answer ({@code path} below the base URL); fails unless it is 200. */
    /** GET of any answer (the Prometheus text, a 401, a 503), with or without the admin token; never throws on a status. */
    public HttpResponse<String> getAnyAnswer(String path, boolean withAdminToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(uri() + "/" + path)).timeout(Duration.ofSeconds(5));
        if (withAdminToken) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String adminGet(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/" + path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        kind + ": GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the next process; the previous one must have exited. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(kind + " is still running (pid " + process.pid() + ")");
        }
        serverId = null;
        process = launches.apply(++starts).start();
    }

    /** Waits until the health URL answers 200 and reads the new server id; returns how long it took. */
    public Duration awaitReady(Duration timeout) {
        Duration took = process().awaitReady(healthUri(), timeout);
        String id = readServerId();
        synchronized (this) {
            serverId = id;
        }
        return took;
    }

    /** The id of the running (or last) process, known once {@link #awaitReady} returned. */
    public synchronized String serverId() {
        if (serverId == null) {
            throw new IllegalStateException(kind + " has no server id yet: it is not ready");
        }
        return serverId;
    }

    public synchronized PayaraProcess process() {
        if (process == null) {
            throw new IllegalStateException(kind + " was never started");
        }
        return process;
    }

    public synchronized boolean wasStarted() {
        return process != null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String readServerId() {
        return SchedulerNode.readHealth(kind, healthUri()).serverId();
    }

    /** Kills the process if it still runs. */
    @Override
    public synchronized void close() {
        admin.close();
        if (process != null) {
            process.close();
        }
    }

    @Override
    public synchronized String toString() {
        return kind + (serverId == null ? "" : " (" + serverId + ")") + " pid " + (isRunning() ? process.pid() : "-")
                + " at " + uri();
    }
}
