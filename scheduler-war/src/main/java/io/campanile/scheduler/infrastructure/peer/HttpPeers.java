package io.campanile.scheduler.infrastructure.peer;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.HandoffAnswer;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.infrastructure.config.Credentials;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Talks to other servers over HTTP with the cluster token and short time-outs. */
@ApplicationScoped
public class HttpPeers implements Peers {

    private static final Logger LOG = Logger.getLogger(HttpPeers.class.getName());
    private static final long FORWARD_TIMEOUT_MILLIS = 5000;

    private Credentials credentials;
    private Client fast;
    private Client slow;

    protected HttpPeers() {
    }

    @Inject
    public HttpPeers(Credentials credentials, SchedulerSettings settings) {
        this.credentials = credentials;
        this.fast = client(settings.pingTimeoutMillis());
        this.slow = client(FORWARD_TIMEOUT_MILLIS);
    }

    private static Client client(long timeoutMillis) {
        return ClientBuilder.newBuilder().connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS).build();
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

    @Override
    public List<String> handOff(String peerUrl, Handoff handoff) {
        try (Response r = request(fast, peerUrl, "api/cluster/handoff", null).post(Entity.json(handoff))) {
            return r.getStatus() == 200 ? r.readEntity(HandoffAnswer.class).takenOver() : List.of();
        } catch (ProcessingException e) {
            LOG.warning(() -> "Could not hand apps over to " + peerUrl + ": " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public Optional<InstanceView> forwardRun(String ownerUrl, String appName, long jobId, RunRequest request) {
        String path = "api/cluster/apps/" + appName + "/jobs/" + jobId + "/run";
        try (Response r = request(slow, ownerUrl, path, null).post(Entity.json(request))) {
            return r.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                    ? Optional.of(r.readEntity(InstanceView.class)) : Optional.empty();
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

    @PreDestroy
    void close() {
        fast.close();
        slow.close();
    }
}
