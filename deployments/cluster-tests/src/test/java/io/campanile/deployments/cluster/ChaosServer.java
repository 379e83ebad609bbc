package io.campanile.deployments.cluster;

import io.campanile.api.client.CampanileAdminClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A scheduler server of the chaos soak: a {@link RestartableServer} (a new process and a new server id per start,
 * on the same port) behind an HTTP proxy (its advertised address) and a database proxy of its own, with a wall
 * clock that can be stepped. It remembers every server id it had, so that an ownership change can be traced to
 * it after a restart.
 */
final class ChaosServer implements AutoCloseable {

    private final String name;
    private final TcpProxy httpProxy;
    private final TcpProxy databaseProxy;
    private final WallClock wallClock;
    private final RestartableServer server;
    private final Set<String> serverIds = new LinkedHashSet<>();

    ChaosServer(
            String name, TcpProxy httpProxy, TcpProxy databaseProxy, WallClock wallClock, RestartableServer server) {
        this.name = name;
        this.httpProxy = httpProxy;
        this.databaseProxy = databaseProxy;
        this.wallClock = wallClock;
        this.server = server;
    }

    String name() {
        return name;
    }

    URI advertisedUri() {
        return SchedulerNode.baseUri(httpProxy.listenPort());
    }

    CampanileAdminClient admin() {
        return server.admin();
    }

    PayaraProcess process() {
        return server.process();
    }

    WallClock wallClock() {
        return wallClock;
    }

    void start() {
        server.start();
    }

    /** Waits for the health URL and records the new server id; returns how long it took. */
    Duration awaitReady(Duration timeout) {
        Duration took = server.awaitReady(timeout);
        synchronized (serverIds) {
            serverIds.add(server.serverId());
        }
        return took;
    }

    /** Every id this server had, one per start that became ready. */
    Set<String> serverIds() {
        synchronized (serverIds) {
            return Set.copyOf(serverIds);
        }
    }

    /** Running, not frozen and not vanished: a call to it will not hang (it may still be starting). */
    boolean isAnswering() {
        return server.isRunning() && !server.process().isSuspended() && !databaseProxy.isBlackholed();
    }

    /** Its HTTP and database connections go silent without closing, until {@link #reappear()}. */
    void vanish() {
        httpProxy.blackhole();
        databaseProxy.blackhole();
    }

    void reappear() {
        databaseProxy.heal();
        httpProxy.heal();
    }

    @Override
    public void close() {
        server.close();
        httpProxy.close();
        databaseProxy.close();
    }

    @Override
    public String toString() {
        return name + " " + server + " via " + advertisedUri();
    }
}
