package io.campanile.scheduler.domain.election;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.protocol.Handoff;
import io.campanile.scheduler.domain.time.MonotonicClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@code server_info} election, run by whichever server a worker asks.
 *
 * <ul>
 *   <li>A recorded owner is kept while its lease (database time) is valid, even if it does not
 *       answer a PING: a PING can fail for reasons that say nothing about the owner, and acting on
 *       it would make ownership flip under a partition.</li>
 *   <li>An app is taken over only when its lease has expired, or when the server at the owner's
 *       URL answers that it does not own the app (it is leaving, or it is another incarnation).</li>
 *   <li>Every take-over is a compare-and-set on the epoch; the loser answers with the winner.</li>
 * </ul>
 */
public class Election {

    private static final Logger LOG = Logger.getLogger(Election.class.getName());

    private final OwnershipRepository repository;
    private final Peers peers;
    private final ServerIdentity me;
    private final HeldApps held;
    private final MonotonicClock clock;
    private final long leaseMillis;
    private volatile ElectionEvents events = ElectionEvents.NONE;

    public Election(
            OwnershipRepository repository,
            Peers peers,
            ServerIdentity me,
            HeldApps held,
            MonotonicClock clock,
            long leaseMillis) {
        this.repository = repository;
        this.peers = peers;
        this.me = me;
        this.held = held;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
    }

    public void onEvents(ElectionEvents listener) {
        this.events = listener;
    }

    /** The server that owns the app after this server ran the election; empty for an unknown app. */
    public Optional<Ownership> ownerOf(String appName) {
        Optional<Ownership> found = repository.find(appName);
        if (found.isEmpty()) {
            return found;
        }
        Ownership recorded = found.get();
        if (recorded.isUnclaimed()) {
            return Optional.of(takeOver(recorded, OwnershipChangeReason.FIRST_CLAIM));
        }
        if (!recorded.leaseValid()) {
            return Optional.of(takeOver(recorded, OwnershipChangeReason.LEASE_EXPIRED));
        }
        if (recorded.isOwnedBy(me.id())) {
            return Optional.of(recorded);
        }
        Optional<Peers.PingAnswer> answer = peers.ping(recorded.ownerUrl(), appName);
        if (answer.isPresent() && disowns(answer.get(), recorded)) {
            return Optional.of(takeOver(recorded, OwnershipChangeReason.OWNER_DISOWNED));
        }
        if (answer.isEmpty()) {
            // the PING may have waited its whole time-out on a frozen or vanished owner, long enough for the lease
            // to run out or for another server to take over: answer with the row as it is now, not as it was
            return repository
                    .find(appName)
                    .map(now -> now.epoch() == recorded.epoch() && !now.leaseValid()
                            ? takeOver(now, OwnershipChangeReason.LEASE_EXPIRED)
                            : now);
        }
        return Optional.of(recorded);
    }

    private static boolean disowns(Peers.PingAnswer answer, Ownership recorded) {
        return !answer.serverId().equals(recorded.ownerId()) || !answer.owner();
    }

    /** Takes over every app whose lease has expired, so that no app stays unscheduled. */
    public void adoptOrphans() {
        for (Ownership orphan : repository.findOrphans()) {
            takeOver(
                    orphan,
                    orphan.isUnclaimed() ? OwnershipChangeReason.FIRST_CLAIM : OwnershipChangeReason.LEASE_EXPIRED);
        }
    }

    /**
     * This server's answer to another server's PING. Held apps are answered from memory; otherwise
     * the database decides, so that a server that just won an app never disowns it by mistake.
     */
    public Peers.PingAnswer answerPing(String appName) {
        Optional<Long> epoch = held.epochOf(appName);
        if (epoch.isPresent()) {
            return new Peers.PingAnswer(me.id(), true, epoch.get());
        }
        Optional<Ownership> recorded = repository.find(appName);
        if (held.isLeaving() || recorded.isEmpty()) {
            return new Peers.PingAnswer(
                    me.id(), false, recorded.map(Ownership::epoch).orElse(0L));
        }
        Ownership o = recorded.get();
        boolean mine = o.isOwnedBy(me.id()) && o.leaseValid() && renew(appName, o.epoch());
        return new Peers.PingAnswer(me.id(), mine, o.epoch());
    }

    private boolean renew(String appName, long epoch) {
        long before = clock.millis();
        if (repository.renew(appName, me.id(), epoch, leaseMillis)) {
            held.hold(appName, epoch, before, leaseMillis);
            return true;
        }
        return false;
    }

    /** Takes over the apps a leaving server hands over, each only if still at the epoch it held. */
    public List<String> acceptHandoff(Handoff handoff) {
        List<String> taken = new ArrayList<>();
        for (Handoff.HeldApp app : handoff.apps()) {
            TakeOver takeOver = new TakeOver(
                    app.appName(),
                    app.epoch(),
                    handoff.leavingServerId(),
                    me,
                    OwnershipChangeReason.HANDOFF,
                    leaseMillis);
            if (apply(takeOver)) {
                taken.add(app.appName());
            }
        }
        return taken;
    }

    /** Extends the leases of every held app; drops the ones whose epoch has moved on. */
    /** Renews every lease this server holds, in one statement (per thousand apps): idle apps cost no more. */
    public void renewLeases() {
        Map<String, Long> snapshot = held.snapshot();
        if (snapshot.isEmpty()) {
            return;
        }
        long before = clock.millis();
        Set<String> renewed;
        try {
            renewed = repository.renewAll(me.id(), snapshot, leaseMillis);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not renew the leases of " + snapshot.size() + " app(s): " + e);
            events.renewalFailed();
            return;
        }
        snapshot.forEach((app, epoch) -> {
            if (renewed.contains(app)) {
                held.hold(app, epoch, before, leaseMillis);
            } else {
                LOG.warning(() -> "Lost app " + app + " at epoch " + epoch + ": another server took it over");
                held.lose(app, epoch);
            }
        });
    }

    private Ownership takeOver(Ownership recorded, OwnershipChangeReason reason) {
        apply(new TakeOver(recorded.appName(), recorded.epoch(), recorded.ownerId(), me, reason, leaseMillis));
        return repository.find(recorded.appName()).orElseThrow();
    }

    private boolean apply(TakeOver takeOver) {
        if (held.isLeaving()) {
            return false;
        }
        long before = clock.millis();
        if (!repository.takeOver(takeOver)) {
            return false;
        }
        held.hold(takeOver.appName(), takeOver.newEpoch(), before, leaseMillis);
        events.tookOver(takeOver.appName(), takeOver.reason());
        LOG.info(() -> "Took over app " + takeOver.appName() + " from "
                + (takeOver.expectedOwnerId() == null ? "nobody" : takeOver.expectedOwnerId())
                + " at epoch " + takeOver.newEpoch() + " (" + takeOver.reason() + ")");
        return true;
    }
}
