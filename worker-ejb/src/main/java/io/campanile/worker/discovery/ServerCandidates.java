package io.campanile.worker.discovery;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The servers to send a call that any server takes (claims, outcome reports), in the order to try them: the
 * owner first, then the configured servers; an owner that fell silent goes last, so that the call does not
 * wait for its timeouts first.
 */
public final class ServerCandidates {

    private final CurrentOwner owner;
    private final List<URI> servers;
    private final Predicate<URI> silent;

    /** @param silent whether a server is the owner that fell silent (see the worker's silent-owner watch) */
    public ServerCandidates(CurrentOwner owner, List<URI> servers, Predicate<URI> silent) {
        this.owner = owner;
        this.servers = List.copyOf(servers);
        this.silent = silent;
    }

    public Set<URI> inOrder() {
        Set<URI> candidates = new LinkedHashSet<>();
        owner.get().ifPresent(o -> candidates.add(o.url()));
        candidates.addAll(servers);
        Set<URI> ordered = new LinkedHashSet<>();
        candidates.stream().filter(server -> !silent.test(server)).forEach(ordered::add);
        ordered.addAll(candidates);
        return ordered;
    }
}
