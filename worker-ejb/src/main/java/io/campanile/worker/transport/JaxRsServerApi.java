package io.campanile.worker.transport;

import io.campanile.api.Headers;
import io.campanile.api.admin.ErrorView;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.worker.config.WorkerSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ServerApi} over the JAX-RS client. JSON is written and read with this class's own JSON-B instance,
 * so it does not depend on the client's providers. Polls are sent asynchronously so that {@link #abortPolls()}
 * can release the waiting thread: closing a JAX-RS client does not interrupt a blocking call.
 */
public final class JaxRsServerApi implements ServerApi {

    private final Client client;
    private final Client heartbeatClient;
    private final Client pollClient;
    private final Jsonb jsonb = JsonbBuilder.create();
    private final String app;
    private final String authorization;
    private final Duration pollWait;
    private final ExecutorService pollThreads;
    private final Set<Future<Response>> polls = ConcurrentHashMap.newKeySet();
    private volatile boolean pollsAborted;

    /**
     * @param threads makes the threads that carry the asynchronous polls. They are ours, not the client's:
     *     a client that owns its async threads waits for a held poll when it is closed (Jersey: 5 s).
     */
    public JaxRsServerApi(WorkerSettings settings, ThreadFactory threads) {
        this.app = settings.app();
        this.authorization = Headers.bearer(settings.secret());
        this.pollThreads = Executors.newCachedThreadPool(threads);
        this.client = newClient(
                        settings.timeouts().connect(), settings.timeouts().read())
                .build();
        // a heartbeat is how the worker notices a silent owner: it has a short timeout of its own
        this.heartbeatClient = newClient(
                        settings.timeouts().connect(), settings.timeouts().heartbeatRead())
                .build();
        this.pollClient = newClient(
                        settings.timeouts().connect(), settings.timeouts().pollRead())
                .executorService(pollThreads)
                .build();
        this.pollWait = settings.timeouts().pollRead().plusSeconds(1);
    }

    private static ClientBuilder newClient(Duration connect, Duration read) {
        return ClientBuilder.newBuilder()
                .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public DiscoveryAnswer discover(URI server) {
        return call(server, request(client, server, "api/worker/discovery").buildGet(), DiscoveryAnswer.class);
    }

    @Override
    public HeartbeatAnswer heartbeat(URI server, WorkerHeartbeat heartbeat) {
        return call(
                server,
                request(heartbeatClient, server, "api/worker/heartbeat").buildPost(json(heartbeat)),
                HeartbeatAnswer.class);
    }

    @Override
    public ClaimAnswer claim(URI server, ClaimRequest claimRequest) {
        return call(
                server, request(client, server, "api/worker/claims").buildPost(json(claimRequest)), ClaimAnswer.class);
    }

    @Override
    public ReportAnswer report(URI server, ReportBatch batch) {
        return call(server, request(client, server, "api/worker/reports").buildPost(json(batch)), ReportAnswer.class);
    }

    @Override
    public LogAnswer logs(URI server, LogBatch batch) {
        return call(server, request(client, server, "api/worker/logs").buildPost(json(batch)), LogAnswer.class);
    }

    @Override
    public PollAnswer poll(URI server, PollRequest pollRequest) {
        if (pollsAborted) {
            throw new ServerCallException(server, 0, "polling was stopped", null);
        }
        Future<Response> pending;
        try {
            pending = request(pollClient, server, "api/worker/poll").async().post(json(pollRequest));
        } catch (ProcessingException | IllegalStateException e) {
            throw ServerCallException.noAnswer(server, e);
        }
        polls.add(pending);
        try {
            if (pollsAborted) {
                pending.cancel(true);
            }
            try (Response response = pending.get(pollWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return read(server, response, PollAnswer.class);
            }
        } catch (CancellationException e) {
            throw new ServerCallException(server, 0, "polling was stopped", e);
        } catch (ExecutionException e) {
            throw ServerCallException.noAnswer(server, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw ServerCallException.noAnswer(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new ServerCallException(server, 0, "interrupted while polling", e);
        } finally {
            polls.remove(pending);
        }
    }

    @Override
    public void abortPolls() {
        pollsAborted = true;
        polls.forEach(poll -> poll.cancel(true));
    }

    @Override
    public void close() {
        abortPolls();
        // a cancelled poll may still wait for the server's answer on one of these threads; let it go
        pollThreads.shutdownNow();
        closeQuietly(pollClient);
        closeQuietly(heartbeatClient);
        closeQuietly(client);
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing to release that matters at shutdown
        }
    }

    private static void closeQuietly(Client c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            // closing twice or during container shutdown; nothing left to do
        }
    }

    private Invocation.Builder request(Client c, URI server, String path) {
        return c.target(server)
                .path(path)
                .request(MediaType.APPLICATION_JSON)
                .header(Headers.APP, app)
                .header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private Entity<String> json(Object body) {
        return Entity.entity(jsonb.toJson(body), MediaType.APPLICATION_JSON_TYPE);
    }

    private <T> T call(URI server, Invocation invocation, Class<T> type) {
        try (Response response = invocation.invoke()) {
            return read(server, response, type);
        } catch (ProcessingException | IllegalStateException e) {
            throw ServerCallException.noAnswer(server, e);
        }
    }

    private <T> T read(URI server, Response response, Class<T> type) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status / 100 != 2) {
            throw new ServerCallException(server, status, errorMessage(body, response), null);
        }
        try {
            return jsonb.fromJson(body, type);
        } catch (RuntimeException e) {
            throw new ServerCallException(server, status, "unreadable " + type.getSimpleName() + ": " + e, e);
        }
    }

    private String errorMessage(String body, Response response) {
        try {
            ErrorView error = jsonb.fromJson(body, ErrorView.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (RuntimeException e) {
            // not an ErrorView: fall back to the reason phrase
        }
        return response.getStatusInfo().getReasonPhrase();
    }
}
