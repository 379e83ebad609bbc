package io.campanile.deployments.cluster;

import io.campanile.api.client.CampanileAdminClient;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One scheduler server of the test cluster: its Payara Micro process, listening on {@code httpPort}, and the
 * proxy in front of it whose address it advertises to peers and workers. The tests themselves talk to the
 * server directly, so they still see it while its proxy is cut.
 */
public final class SchedulerNode implements AutoCloseable {

    /** The answer of {@code GET /api/health}. */
    public record Health(String serverId, String url, String status) {}

    private final String name;
    private final int httpPort;
    private final TcpProxy proxy;
    private final PayaraProcess process;
    private final CampanileAdminClient admin;
    private volatile String serverId;

    SchedulerNode(String name, int httpPort, TcpProxy proxy, PayaraProcess process, String adminToken) {
        this.name = name;
        this.httpPort = httpPort;
        this.proxy = proxy;
        this.process = process;
        this.admin = new CampanileAdminClient(directUri(), adminToken);
    }

    static URI baseUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/campanile");
    }

    public String name() {
        return name;
    }

    /** The server's own listener, bypassing the proxy. */
    public URI directUri() {
        return baseUri(httpPort);
    }

    /** What the server tells peers and workers: its proxy. */
    public URI advertisedUri() {
        return baseUri(proxy.listenPort());
    }

    public URI healthUri() {
        return URI.create(directUri() + "/api/health");
    }

    public TcpProxy proxy() {
        return proxy;
    }

    public PayaraProcess process() {
        return process;
    }

    /** The admin API of this server, reached directly. */
    public CampanileAdminClient admin() {
        return admin;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The id the server reports in its health answer and under which it owns apps; read once it is up. */
    public String serverId() {
        if (serverId == null) {
            serverId = health().serverId();
        }
        return serverId;
    }

    public Health health() {
        return readHealth(name, healthUri());
    }

    /** Reads a server's {@code GET /api/health} answer. */
    static Health readHealth(String name, URI healthUri) {
        HttpRequest request = HttpRequest.newBuilder(healthUri)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " health answered " + response.statusCode());
            }
            return jsonb.fromJson(response.body(), Health.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot read " + healthUri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
        process.close();
        proxy.close();
    }

    @Override
    public String toString() {
        return name + (serverId == null ? "" : " (" + serverId + ")") + " pid " + (isRunning() ? process.pid() : "-")
                + " at " + directUri() + " via " + advertisedUri();
    }
}
