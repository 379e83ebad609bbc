package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerNode;
import io.campanile.scheduler.domain.election.ServerRegistry;
import java.time.Instant;
import java.util.List;

/**
 * This server's heartbeat in the registry, which also measures the offset to the database's clock
 * and remembers the other servers, for a hand-off when this one stops (the database may be gone by
 * then).
 */
public class ServerHeartbeat {

    private static final long FORGET_SERVERS_MILLIS = 10 * 60_000;

    private ServerRegistry registry;
    private ServerIdentity me;
    private DatabaseClock clock;
    private SchedulerSettings settings;
    private volatile List<ServerNode> servers = List.of();

    public ServerHeartbeat(
            ServerRegistry registry, ServerIdentity me, DatabaseClock clock, SchedulerSettings settings) {
        this.registry = registry;
        this.me = me;
        this.clock = clock;
        this.settings = settings;
    }

    public void beat() {
        registry.heartbeat(me);
        // the round trip of the time's own read only: the heartbeat's commit before it is no part of it, and
        // counted in, it moved the midpoint, and the clock, by half the commit's time
        long sent = clock.monotonic().millis();
        Instant databaseTime = registry.databaseTime();
        clock.sync(databaseTime, sent, clock.monotonic().millis());
        servers = registry.findAll(settings.serverAliveMillis());
        Instant forgetBefore = databaseTime.minusMillis(FORGET_SERVERS_MILLIS);
        if (servers.stream().anyMatch(s -> s.heartbeatAt().isBefore(forgetBefore))) {
            registry.forget(FORGET_SERVERS_MILLIS);
        }
    }

    /**
     * The other servers alive now, read from the registry; while the server stops the database may be gone
     * already, and then this answers no server (the caller has the list of the last heartbeat).
     */
    public List<ServerNode> refreshedPeers() {
        try {
            servers = registry.findAll(settings.serverAliveMillis());
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        return livePeers();
    }

    /** The other servers that were alive at the last heartbeat. */
    public List<ServerNode> livePeers() {
        return servers.stream()
                .filter(s -> s.alive() && !s.id().equals(me.id()))
                .toList();
    }
}
