package io.campanile.scheduler.infrastructure.peer;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.WorkerView;
import io.campanile.api.protocol.Handoff;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.infrastructure.config.Credentials;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Talks to other servers over HTTP with the cluster token and short time-outs. Created with the application (it
 * is part of the hand-off the ticker holds from start-up, see {@code ServerWiring}), never lazily on first use: a
 * server that never had to ping a peer created it for the first time inside the JVM shutdown hook that hands its
 * apps over, and WildFly's RESTEasy refused to build a client then ({@code IllegalStateException: Shutdown in
 * progress}); the apps moved only when their leases expired.
 */
public class HttpPeers implements Peers {

    private static final Logger LOG = Logger.getLogger(HttpPeers.class.getName());
    private static final long FORWARD_TIMEOUT_MILLIS = 5000;

    private Credentials credentials;
    private Client fast;
    private Client slow;
    private HttpClient shutdownSafe;
    private long handoffTimeoutMillis;

    public HttpPeers(Credentials credentials, SchedulerSettings settings) {
        this.credentials = credentials;
        this.fast = client(settings.pingTimeoutMillis());
        this.slow = client(FORWARD_TIMEOUT_MILLIS);
        this.handoffTimeoutMillis = settings.pingTimeoutMillis();
        this.shutdownSafe = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(handoffTimeoutMillis))
                .build();
        // load now what the hand-off needs, while the class loader still works
        HandoffJson.takenOver(HandoffJson.write(new Handoff("warm-up", List.of(new Handoff.HeldApp("app", 1)))));
    }

    private static Client client(long timeoutMillis) {
        return ClientBuilder.newBuilder()
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    public Optional<PingAnswer> ping(String peerUrl, String appName) {
        try (Response r = request(fast, peerUrl, "api/cluster/ping", appName).get()) {
            if (r.getStatus() != 200) {
                return Optional.empty();
            }
            io.campanile.api.protocol.PingAnswer a = r.readEntity(io.campanile.api.protocol.PingAnswer.class);
            return Optional.of(new PingAnswer(a.serverId(), a.owner(), a.epoch()));
        } catch (ProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Uses the JDK's HTTP client and hand-written JSON, warmed up when this bean is created: it runs
     * from a shutdown hook while the container stops, when the web class loader can no longer load
     * the JAX-RS client's providers (seen on Payara Micro: "This web container has not yet been
     * started").
     */
    @Override
    public List<String> handOff(String peerUrl, Handoff handoff) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(peerUrl + "/api/cluster/handoff"))
                .timeout(Duration.ofMillis(handoffTimeoutMillis))
                .header("Content-Type", MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + credentials.clusterToken())
                .POST(HttpRequest.BodyPublishers.ofString(HandoffJson.write(handoff)))
                .build();
        try {
            HttpResponse<String> answer = shutdownSafe.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                String body = answer.body() == null ? "" : answer.body();
                LOG.warning("Server " + peerUrl + " refused the hand-off: " + answer.statusCode() + " "
                        + body.substring(0, Math.min(body.length(), 200)));
                return List.of();
            }
            return HandoffJson.takenOver(answer.body());
        } catch (IOException e) {
            LOG.warning("Could not hand apps over to " + peerUrl + ": " + e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public Optional<InstanceView> forwardRun(String ownerUrl, String appName, long jobId, RunRequest request) {
        return forward(
                ownerUrl, "api/cluster/apps/" + appName + "/jobs/" + jobId + "/run", request, InstanceView.class);
    }

    @Override
    public Optional<RunBatchAnswer> forwardRunBatch(String ownerUrl, String appName, long jobId, RunBatch batch) {
        return forward(
                ownerUrl, "api/cluster/apps/" + appName + "/jobs/" + jobId + "/runs", batch, RunBatchAnswer.class);
    }

    @Override
    public Optional<List<WorkerView>> listWorkers(String ownerUrl, String appName) {
        try (Response r = request(slow, ownerUrl, "api/cluster/apps/" + appName + "/workers", null)
                .get()) {
            return r.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                    ? Optional.of(r.readEntity(new GenericType<List<WorkerView>>() {}))
                    : Optional.empty();
        } catch (ProcessingException e) {
            return Optional.empty();
        }
    }

    /** Posts {@code body} to the owner; its answer, or empty when it did not answer with success. */
    private <T> Optional<T> forward(String ownerUrl, String path, Object body, Class<T> answerType) {
        try (Response r = request(slow, ownerUrl, path, null).post(Entity.json(body))) {
            return r.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                    ? Optional.of(r.readEntity(answerType))
                    : Optional.empty();
        } catch (ProcessingException e) {
            return Optional.empty();
        }
    }

    private Invocation.Builder request(Client client, String baseUrl, String path, String appName) {
        var target = client.target(baseUrl).path(path);
        if (appName != null) {
            target = target.queryParam("app", appName);
        }
        return target.request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + credentials.clusterToken());
    }

    public void close() {
        fast.close();
        slow.close();
    }
}
