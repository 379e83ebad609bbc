package io.campanile.worker.run;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.Refusal;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns a poll answer into the attempts this worker may run: drops those dispatched under an older epoch than the
 * newest seen and repeated deliveries, then claims the rest at a server and keeps exactly those the server
 * answers as claimed. Blocks until every claim has a definitive answer (claimed or refused): the owner hands an
 * unclaimed attempt out again when this worker polls again, so the poll loop must not poll before that. A claim
 * call that fails (no answer, 5xx, 401, 409) is retried at the next server, owner first, with a short pause after
 * each round in which no server answered; claims are idempotent, so repeating one the server already recorded
 * is safe. When the worker stops meanwhile nothing is run: the server hands the attempts out again once it
 * declares this worker lost.
 */
public final class ClaimStep {

    private static final Logger LOG = Logger.getLogger(ClaimStep.class.getName());
    /** What the server takes in one {@link ClaimRequest}. */
    static final int MAX_CLAIMS = 1000;

    private final String app;
    private final String workerId;
    private final ServerApi api;
    private final ServerCandidates servers;
    private final EpochGuard epochs;
    private final DeliveryLedger ledger;
    private final Duration retryPause;
    private volatile boolean running = true;

    public ClaimStep(
            String app,
            String workerId,
            ServerApi api,
            ServerCandidates servers,
            EpochGuard epochs,
            DeliveryLedger ledger,
            Duration retryPause) {
        this.app = app;
        this.workerId = workerId;
        this.api = api;
        this.servers = servers;
        this.epochs = epochs;
        this.ledger = ledger;
        this.retryPause = retryPause;
    }

    /** The assignments of {@code answer} that are claimed, in the answer's order; empty if the worker stopped. */
    public List<Assignment> claim(PollAnswer answer) {
        List<Assignment> admitted = admitted(answer);
        List<Assignment> claimed = new ArrayList<>(admitted.size());
        for (int from = 0; from < admitted.size() && running; from += MAX_CLAIMS) {
            List<Assignment> chunk = admitted.subList(from, Math.min(admitted.size(), from + MAX_CLAIMS));
            ClaimAnswer settled = settle(new ClaimRequest(workerId, answer.epoch(), claimsOf(chunk)));
            if (settled != null) {
                claimed.addAll(keepClaimed(chunk, settled));
            }
        }
        return claimed;
    }

    /** Ends a claim in progress: its retries stop at once and nothing of it is run. */
    public void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }

    private List<Assignment> admitted(PollAnswer answer) {
        if (answer.assignments() == null) {
            return List.of();
        }
        List<Assignment> admitted = new ArrayList<>(answer.assignments().size());
        for (Assignment a : answer.assignments()) {
            long newest = epochs.newest();
            if (!epochs.admits(a.epoch())) {
                LOG.warning(() -> "Rejected instance " + a.instanceId() + " attempt " + a.attempt() + " of app " + app
                        + ": dispatched under epoch " + a.epoch() + ", older than the newest epoch seen " + newest);
            } else if (!ledger.firstDelivery(a.instanceId(), a.attempt(), a.epoch())) {
                LOG.info(() -> "Ignored repeated delivery of instance " + a.instanceId() + " attempt " + a.attempt()
                        + " under epoch " + a.epoch());
            } else {
                admitted.add(a);
            }
        }
        return admitted;
    }

    private static List<Claim> claimsOf(List<Assignment> assignments) {
        return assignments.stream()
                .map(a -> new Claim(a.instanceId(), a.attempt()))
                .toList();
    }

    /** Sends the request until a server answers it, or it is rejected as bad, or the worker stops (null). */
    private ClaimAnswer settle(ClaimRequest request) {
        boolean logged = false;
        while (running) {
            for (URI server : servers.inOrder()) {
                try {
                    return api.claim(server, request);
                } catch (ServerCallException e) {
                    if (e.isRejection()) {
                        LOG.severe(() ->
                                "Server rejected a claim of " + request.claims().size()
                                        + " attempt(s) as a bad request; none of them runs: " + e.getMessage());
                        return new ClaimAnswer(List.of(), List.of());
                    }
                    if (!logged) {
                        LOG.info(() -> "Claim of " + request.claims().size() + " attempt(s) failed at " + server
                                + ", trying the other servers: " + e.getMessage());
                        logged = true;
                    }
                }
            }
            pause();
        }
        return null;
    }

    private List<Assignment> keepClaimed(List<Assignment> chunk, ClaimAnswer answer) {
        Set<Claim> claimed = answer.claimed() == null ? Set.of() : new HashSet<>(answer.claimed());
        if (answer.refused() != null) {
            for (Refusal refusal : answer.refused()) {
                LOG.info(() -> "Claim of instance " + refusal.instanceId() + " attempt " + refusal.attempt()
                        + " refused, not run: " + refusal.reason());
            }
        }
        List<Assignment> kept = new ArrayList<>(claimed.size());
        for (Assignment a : chunk) {
            if (claimed.contains(new Claim(a.instanceId(), a.attempt()))) {
                kept.add(a);
            }
        }
        int unanswered = chunk.size()
                - kept.size()
                - (answer.refused() == null ? 0 : answer.refused().size());
        if (unanswered > 0) {
            LOG.warning(() -> "The claim answer named neither claimed nor refused " + unanswered
                    + " attempt(s); they are not run");
        }
        return kept;
    }

    private synchronized void pause() {
        long until = System.nanoTime() + retryPause.toNanos();
        long left;
        try {
            while (running && (left = until - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
