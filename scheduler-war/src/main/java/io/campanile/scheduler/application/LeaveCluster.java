package io.campanile.scheduler.application;

import io.campanile.api.protocol.Handoff;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Stops acting on every app at once and asks a live peer to take them over, so that workers find the
 * new owner without waiting for leases to expire; then tells the waiting workers. This runs while
 * the container stops: the database may already be gone, so it only uses memory and HTTP.
 */
public class LeaveCluster {

    private static final Logger LOG = Logger.getLogger(LeaveCluster.class.getName());

    private HeldApps held;
    private ServerHeartbeat heartbeat;
    private Peers peers;
    private WaitingPolls polls;
    private ServerIdentity me;
    private SchedulerSettings settings;

    public LeaveCluster(
            HeldApps held,
            ServerHeartbeat heartbeat,
            Peers peers,
            WaitingPolls polls,
            ServerIdentity me,
            SchedulerSettings settings) {
        this.held = held;
        this.heartbeat = heartbeat;
        this.peers = peers;
        this.polls = polls;
        this.me = me;
        this.settings = settings;
    }

    /** Safe to call twice: the second call has nothing left to hand over. */
    public void leave() {
        List<Map.Entry<String, Long>> apps = held.leave();
        if (!apps.isEmpty()) {
            handOver(apps);
        }
        polls.rejectEverything();
    }

    private void handOver(List<Map.Entry<String, Long>> apps) {
        List<Handoff.HeldApp> heldApps = new ArrayList<>();
        for (Map.Entry<String, Long> app : apps) {
            heldApps.add(new Handoff.HeldApp(app.getKey(), app.getValue()));
        }
        Handoff handoff = new Handoff(me.id(), heldApps);
        List<ServerNode> known = heartbeat.livePeers();
        if (handedTo(known, handoff)) {
            return;
        }
        // the peer list is as old as the last heartbeat (up to a second): a server that joined since is missing
        List<ServerNode> joined = heartbeat.refreshedPeers().stream()
                .filter(peer -> known.stream().noneMatch(k -> k.id().equals(peer.id())))
                .toList();
        if (handedTo(joined, handoff)) {
            return;
        }
        LOG.warning(() -> "No server took over apps " + apps + "; they move when their leases expire (within "
                + settings.leaseMillis() + " ms)");
    }

    private boolean handedTo(List<ServerNode> candidates, Handoff handoff) {
        for (ServerNode peer : candidates) {
            List<String> taken = peers.handOff(peer.url(), handoff);
            if (!taken.isEmpty()) {
                LOG.info(() -> "Handed apps " + taken + " over to server " + peer.id());
                return true;
            }
        }
        return false;
    }
}
