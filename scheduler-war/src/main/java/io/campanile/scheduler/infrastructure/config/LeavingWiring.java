package io.campanile.scheduler.infrastructure.config;

import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.LeaveCluster;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.ServerHeartbeat;
import io.campanile.scheduler.application.WaitingPolls;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.Peers;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.ServerRegistry;
import io.campanile.scheduler.infrastructure.peer.HttpPeers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The objects the hand-off uses when the server stops, produced {@code @Singleton} (a pseudo-scope: injected as
 * plain references, created when first injected). The hand-off runs in a JVM shutdown hook, and WildFly may already
 * have stopped the application's CDI contexts then: a call through an {@code @ApplicationScoped} client proxy failed
 * there ({@code WELD-000229 ... not valid after container shutdown}). The ticker injects {@link LeaveCluster} at
 * start-up, so all of them (the peers' HTTP clients included) exist before any shutdown.
 */
@ApplicationScoped
public class LeavingWiring {

    @Produces
    @Singleton
    WaitingPolls waitingPolls() {
        return new WaitingPolls();
    }

    @Produces
    @Singleton
    ServerHeartbeat heartbeat(
            ServerRegistry registry, ServerIdentity me, DatabaseClock clock, SchedulerSettings settings) {
        return new ServerHeartbeat(registry, me, clock, settings);
    }

    @Produces
    @Singleton
    Peers peers(Credentials credentials, SchedulerSettings settings) {
        return new HttpPeers(credentials, settings);
    }

    void closePeers(@Disposes Peers peers) {
        if (peers instanceof HttpPeers http) {
            http.close();
        }
    }

    @Produces
    @Singleton
    LeaveCluster leaveCluster(
            HeldApps held,
            ServerHeartbeat heartbeat,
            Peers peers,
            WaitingPolls polls,
            ServerIdentity me,
            SchedulerSettings settings) {
        return new LeaveCluster(held, heartbeat, peers, polls, me, settings);
    }
}
