package io.campanile.scheduler.application;

import io.campanile.api.admin.WorkerView;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.scheduler.domain.election.Election;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app's workers as its owner sees them: only the owner hears their heartbeats (kept in memory), so a server that
 * does not own the app asks the owner the election names.
 */
@ApplicationScoped
public class ListWorkers {

    private ManageApps apps;
    private WorkerRegistry workers;
    private SchedulerSettings settings;
    private Election election;
    private HeldApps held;
    private Peers peers;
    private ServerIdentity me;
    private Clock clock;

    protected ListWorkers() {}

    @Inject
    public ListWorkers(
            ManageApps apps,
            WorkerRegistry workers,
            SchedulerSettings settings,
            Election election,
            HeldApps held,
            Peers peers,
            ServerIdentity me,
            DatabaseClock clock) {
        this.apps = apps;
        this.workers = workers;
        this.settings = settings;
        this.election = election;
        this.held = held;
        this.peers = peers;
        this.me = me;
        this.clock = clock;
    }

    /** @throws RequestRejected (not found) for an unknown app, (unavailable) when its owner cannot be reached */
    public List<WorkerView> list(String appName) {
        apps.require(appName);
        for (int round = 0; round < 2; round++) {
            Optional<Ownership> owner = election.ownerOf(appName);
            if (owner.isEmpty()) {
                return List.of();
            }
            Optional<List<WorkerView>> seen = owner.get().isOwnedBy(me.id())
                    ? here(appName)
                    : peers.listWorkers(owner.get().ownerUrl(), appName);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        throw RequestRejected.unavailable("the owner of app " + appName + " could not be reached; try again");
    }

    /** Asked by another server: the workers, only if this server holds the app. */
    public List<WorkerView> listForwarded(String appName) {
        apps.require(appName);
        return here(appName).orElseThrow(() -> RequestRejected.conflict("this server does not own app " + appName));
    }

    private Optional<List<WorkerView>> here(String appName) {
        if (held.epochOf(appName).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(workers.known(appName, settings.missedHeartbeats()).stream()
                .map(k -> view(k, now))
                .toList());
    }

    private static WorkerView view(WorkerRegistry.Known k, Instant now) {
        WorkerHeartbeat h = k.heartbeat();
        return new WorkerView(
                k.workerId(),
                k.live(),
                now.minusMillis(k.millisSinceHeard()),
                k.millisSinceHeartbeat() == null ? null : now.minusMillis(k.millisSinceHeartbeat()),
                h == null ? null : h.heartbeatMillis(),
                h == null ? -1 : h.cpuLoad(),
                h == null ? 0 : h.freeHeapBytes(),
                h == null ? 0 : h.maxHeapBytes(),
                h == null ? null : h.freeDiskBytes(),
                h == null ? 0 : h.capacity(),
                h == null ? 0 : h.activeRuns(),
                h == null || h.running() == null ? List.of() : h.running(),
                h == null || h.tags() == null ? List.of() : h.tags(),
                h == null ? null : h.processors());
    }
}
