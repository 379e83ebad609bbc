package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.protocol.Handoff;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerNode;
import io.campanile.scheduler.domain.election.ServerRegistry;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaveClusterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final ServerIdentity ME = new ServerIdentity("s-me", "http://me");

    private final MutableClock monotonic = new MutableClock(Instant.ofEpochMilli(1_000_000));
    private final Registry registry = new Registry();
    private final TakingPeers peers = new TakingPeers();
    private final HeldApps held = new HeldApps(monotonic, 500);
    private final ServerHeartbeat heartbeat = new ServerHeartbeat(
            registry, ME, new DatabaseClock(Clock.systemUTC(), monotonic), SchedulerSettings.defaults());
    private final LeaveCluster leave =
            new LeaveCluster(held, heartbeat, peers, new WaitingPolls(), ME, SchedulerSettings.defaults());

    @BeforeEach
    void holdAnApp() {
        held.hold("demo", 4, monotonic.millis(), 3000);
    }

    @Test
    void hands_the_apps_to_a_peer_known_from_the_last_heartbeat() {
        registry.servers.add(node("s-peer", "http://peer"));
        heartbeat.beat();

        leave.leave();

        assertThat(peers.asked).containsExactly("http://peer demo@4 from s-me");
    }

    @Test
    void a_peer_that_joined_after_the_last_heartbeat_is_asked_too() {
        heartbeat.beat(); // alone then
        registry.servers.add(node("s-new", "http://new"));

        leave.leave();

        assertThat(peers.asked).containsExactly("http://new demo@4 from s-me");
    }

    @Test
    void without_a_database_the_peers_of_the_last_heartbeat_are_all_there_is() {
        heartbeat.beat();
        registry.failing = true;

        leave.leave();

        assertThat(peers.asked).isEmpty();
    }

    private static ServerNode node(String id, String url) {
        return new ServerNode(id, url, NOW, NOW, true);
    }

    private static final class Registry implements ServerRegistry {
        final List<ServerNode> servers = new ArrayList<>(List.of(node(ME.id(), ME.url())));
        boolean failing;

        @Override
        public void heartbeat(ServerIdentity me) {}

        @Override
        public List<ServerNode> findAll(long aliveMillis) {
            if (failing) {
                throw new IllegalStateException("the datasource is gone");
            }
            return List.copyOf(servers);
        }

        @Override
        public int forget(long olderThanMillis) {
            return 0;
        }

        @Override
        public void remove(String serverId) {}

        @Override
        public Instant databaseTime() {
            return NOW;
        }
    }

    /** Every peer asked takes every app. */
    private static final class TakingPeers implements Peers {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<PingAnswer> ping(String peerUrl, String appName) {
            return Optional.empty();
        }

        @Override
        public List<String> handOff(String peerUrl, Handoff handoff) {
            handoff.apps()
                    .forEach(app -> asked.add(
                            peerUrl + " " + app.appName() + "@" + app.epoch() + " from " + handoff.leavingServerId()));
            return handoff.apps().stream().map(Handoff.HeldApp::appName).toList();
        }

        @Override
        public Optional<InstanceView> forwardRun(String ownerUrl, String appName, long jobId, RunRequest request) {
            return Optional.empty();
        }

        @Override
        public Optional<RunBatchAnswer> forwardRunBatch(String ownerUrl, String appName, long jobId, RunBatch batch) {
            return Optional.empty();
        }

        @Override
        public Optional<List<io.campanile.api.admin.WorkerView>> listWorkers(String ownerUrl, String appName) {
            return Optional.empty();
        }
    }
}
