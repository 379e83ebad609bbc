package io.campanile.worker.report;

import io.campanile.api.protocol.StatusReport;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Delivers status reports in the order they were made: to the owner first, then to the other servers
 * (any server accepts reports); an owner that fell silent is tried last, so that reports do not wait for its
 * timeouts. A report no server takes stays queued and is retried by the next
 * {@link #flush()}; later reports wait behind it so that RUNNING never overtakes an earlier state.
 * A report a server refuses (409, 404, 400) is logged and dropped: every server would refuse it.
 */
public final class ReportSender {

    private static final Logger LOG = Logger.getLogger(ReportSender.class.getName());

    private enum Outcome {
        DELIVERED,
        REFUSED,
        UNDELIVERED
    }

    private final ServerApi api;
    private final CurrentOwner owner;
    private final List<URI> servers;
    private final PendingReports pending;
    private final Predicate<URI> silent;
    private final ReentrantLock flushing = new ReentrantLock();
    private boolean stuck;

    public ReportSender(ServerApi api, CurrentOwner owner, List<URI> servers, PendingReports pending) {
        this(api, owner, servers, pending, server -> false);
    }

    /** @param silent whether a server is the owner that fell silent (see the worker's silent-owner watch) */
    public ReportSender(
            ServerApi api, CurrentOwner owner, List<URI> servers, PendingReports pending, Predicate<URI> silent) {
        this.silent = silent;
        this.api = api;
        this.owner = owner;
        this.servers = List.copyOf(servers);
        this.pending = pending;
    }

    public void submit(StatusReport report) {
        pending.add(report);
        flush();
    }

    /**
     * Delivers queued reports until the queue is empty or one cannot be delivered. If another thread is
     * flushing, that thread takes the newly queued reports too.
     */
    public void flush() {
        while (pending.size() > 0 && flushing.tryLock()) {
            boolean blocked;
            try {
                blocked = drain();
            } finally {
                flushing.unlock();
            }
            if (blocked) {
                return;
            }
        }
    }

    public int waiting() {
        return pending.size();
    }

    private boolean drain() {
        StatusReport next;
        while ((next = pending.peek()) != null) {
            if (deliver(next) == Outcome.UNDELIVERED) {
                if (!stuck) {
                    StatusReport first = next;
                    LOG.warning(() -> "No server took the " + first.state() + " report of instance "
                            + first.instanceId() + " attempt " + first.attempt() + "; " + pending.size()
                            + " report(s) wait and will be retried");
                }
                stuck = true;
                return true;
            }
            pending.remove(next);
        }
        if (stuck) {
            LOG.info("Waiting reports delivered");
        }
        stuck = false;
        return false;
    }

    private Outcome deliver(StatusReport report) {
        for (URI server : candidates()) {
            try {
                api.report(server, report);
                return Outcome.DELIVERED;
            } catch (ServerCallException e) {
                if (e.isRejection()) {
                    LOG.warning(() -> "Server refused the " + report.state() + " report of instance "
                            + report.instanceId() + " attempt " + report.attempt() + ": " + e.getMessage());
                    return Outcome.REFUSED;
                }
            }
        }
        return Outcome.UNDELIVERED;
    }

    private Set<URI> candidates() {
        Set<URI> candidates = new LinkedHashSet<>();
        Optional<Owner> current = owner.get();
        current.ifPresent(o -> candidates.add(o.url()));
        candidates.addAll(servers);
        Set<URI> ordered = new LinkedHashSet<>();
        candidates.stream().filter(server -> !silent.test(server)).forEach(ordered::add);
        ordered.addAll(candidates);
        return ordered;
    }
}
