package io.campanile.scheduler.application;

import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.OwnershipChangeView;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.admin.ServerView;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.ServerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The cluster as the database records it: servers, owners and epochs, the ownership history. */
@ApplicationScoped
public class ClusterOverview {

    private static final int HISTORY = 100;

    private ServerRegistry registry;
    private OwnershipRepository ownership;
    private SchedulerSettings settings;

    protected ClusterOverview() {}

    @Inject
    public ClusterOverview(ServerRegistry registry, OwnershipRepository ownership, SchedulerSettings settings) {
        this.registry = registry;
        this.ownership = ownership;
        this.settings = settings;
    }

    @Transactional
    public ClusterView view() {
        return new ClusterView(
                registry.databaseTime(),
                registry.findAll(settings.serverAliveMillis()).stream()
                        .map(s -> new ServerView(s.id(), s.url(), s.startedAt(), s.heartbeatAt(), s.alive()))
                        .toList(),
                ownership.findAll().stream()
                        .map(o -> new OwnershipView(
                                o.appName(), o.ownerId(), o.ownerUrl(), o.epoch(), o.leaseUntil(), o.leaseValid()))
                        .toList(),
                ownership.history(HISTORY).stream()
                        .map(h -> new OwnershipChangeView(
                                h.id(),
                                h.appName(),
                                h.oldOwnerId(),
                                h.newOwnerId(),
                                h.epoch(),
                                h.reason(),
                                h.changedAt()))
                        .toList());
    }
}
