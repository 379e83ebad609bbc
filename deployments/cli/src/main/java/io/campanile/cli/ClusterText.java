package io.campanile.cli;

import io.campanile.api.admin.AppView;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.OwnershipChangeView;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.admin.ServerView;
import io.campanile.api.admin.WorkerView;
import java.util.List;

/** Apps, servers, workers and the cluster view as text. */
final class ClusterText {

    private static final long MIB = 1024 * 1024;

    private ClusterText() {}

    static String apps(List<AppView> apps) {
        Table table = new Table("NAME", "CREATED", "OWNER", "EPOCH");
        apps.forEach(app -> table.row(app.name(), app.createdAt(), app.ownerId(), app.epoch()));
        return table.isEmpty() ? "no apps\n" : table.render();
    }

    static String servers(List<ServerView> servers) {
        Table table = new Table("ID", "URL", "ALIVE", "STARTED", "LAST HEARTBEAT");
        servers.forEach(server -> table.row(
                server.id(), server.url(), server.alive() ? "yes" : "no", server.startedAt(), server.lastHeartbeat()));
        return table.isEmpty() ? "no servers\n" : table.render();
    }

    static String workers(List<WorkerView> workers) {
        Table table = new Table("WORKER", "LIVE", "RUNS", "CPU", "HEAP FREE/MAX MiB", "LAST HEARD", "PROCESSORS");
        for (WorkerView worker : workers) {
            table.row(
                    worker.workerId(),
                    worker.live() ? "yes" : "no",
                    worker.activeRuns() + "/" + worker.capacity(),
                    worker.cpuLoad() < 0 ? null : String.format("%.2f", worker.cpuLoad()),
                    worker.freeHeapBytes() / MIB + "/" + worker.maxHeapBytes() / MIB,
                    worker.lastHeardAt(),
                    worker.processors());
        }
        return table.isEmpty() ? "no workers\n" : table.render();
    }

    static String cluster(ClusterView cluster) {
        Table owners = new Table("APP", "OWNER", "EPOCH", "LEASE UNTIL", "LEASE VALID");
        for (OwnershipView ownership : cluster.ownerships()) {
            owners.row(
                    ownership.appName(),
                    ownership.ownerId(),
                    ownership.epoch(),
                    ownership.leaseUntil(),
                    ownership.leaseValid() ? "yes" : "no");
        }
        Table changes = new Table("AT", "APP", "FROM", "TO", "EPOCH", "REASON");
        for (OwnershipChangeView change : cluster.history()) {
            changes.row(
                    change.changedAt(),
                    change.appName(),
                    change.oldOwnerId(),
                    change.newOwnerId(),
                    change.epoch(),
                    change.reason());
        }
        return "Database time: " + Text.value(cluster.databaseTime()) + "\n\nServers:\n" + servers(cluster.servers())
                + "\nApp owners:\n" + (owners.isEmpty() ? "no apps owned\n" : owners.render())
                + "\nOwnership changes:\n" + (changes.isEmpty() ? "none\n" : changes.render());
    }
}
