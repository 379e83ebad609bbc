package io.campanile.worker.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which discovery asks the configured servers: each round starts one server further, so the
 * load of discovery spreads, and servers that failed last time go to the end of the round, so a dead
 * server costs nothing while a live one answers. The owner that fell silent, if any, comes last of all:
 * while its lease is valid the others answer with it anyway, and asking it would wait for a time-out.
 */
public final class ServerRotation {

    private final List<URI> servers;
    private final Set<URI> suspects = new HashSet<>();
    private URI silent;
    private int start;

    public ServerRotation(List<URI> servers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers to ask");
        }
        this.servers = List.copyOf(servers);
    }

    public List<URI> servers() {
        return servers;
    }

    public synchronized List<URI> nextRound() {
        List<URI> healthy = new ArrayList<>();
        List<URI> failing = new ArrayList<>();
        List<URI> last = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            URI server = servers.get((start + i) % servers.size());
            (server.equals(silent) ? last : suspects.contains(server) ? failing : healthy).add(server);
        }
        start = (start + 1) % servers.size();
        healthy.addAll(failing);
        healthy.addAll(last);
        return healthy;
    }

    /** Asks {@code server} last of all until {@link #notSilent}: the owner did not answer in time. */
    public synchronized void silent(URI server) {
        silent = server;
    }

    public synchronized void notSilent(URI server) {
        if (server.equals(silent)) {
            silent = null;
        }
    }

    public synchronized void failed(URI server) {
        suspects.add(server);
    }

    public synchronized void answered(URI server) {
        suspects.remove(server);
    }
}
