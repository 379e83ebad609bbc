package io.campanile.deployments.cluster;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.client.CampanileAdminClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches one app of a test cluster on the database's time line: its owner, its jobs' fires as the admin API shows
 * them, and when a change was made. Asks any server that can answer, directly, so a killed one does not matter.
 */
final class FireWatch {

    /** What a change answered, and the database's time just before it was asked for and just after it answered. */
    record Change<T>(T answer, Instant before, Instant after) {}

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final int MAX_LISTED = 1000;

    private final CampanileCluster cluster;
    private final String app;

    FireWatch(CampanileCluster cluster, String app) {
        this.cluster = cluster;
        this.app = app;
    }

    Instant databaseTime() {
        return clusterView().databaseTime();
    }

    OwnershipView ownership() {
        return Ownerships.of(clusterView(), app);
    }

    ClusterView clusterView() {
        return onAnyServer(CampanileAdminClient::cluster);
    }

    /** Waits until the database's clock has passed {@code time}: for fires that must not come to have had time to. */
    Instant awaitDatabaseTime(Instant time, Duration timeout) {
        return Poll.until(
                        "database time " + time, System.nanoTime(), timeout, INTERVAL, () -> Optional.of(databaseTime())
                                .filter(now -> now.isAfter(time)))
                .value();
    }

    <T> Change<T> change(Supplier<T> request) {
        Instant before = databaseTime();
        T answer = request.get();
        return new Change<>(answer, before, databaseTime());
    }

    /** The job's fires, oldest first. */
    List<InstanceView> fires(long jobId) {
        List<InstanceView> newestFirst = onAnyServer(admin -> admin.listInstances(app, jobId, MAX_LISTED));
        if (newestFirst.size() == MAX_LISTED) {
            throw new IllegalStateException("job " + jobId + " has more than " + MAX_LISTED + " fires to list");
        }
        return newestFirst.stream()
                .sorted(Comparator.comparing(InstanceView::fireTime))
                .toList();
    }

    /** The job's fires after {@code after}, oldest first. */
    List<InstanceView> firesAfter(long jobId, Instant after) {
        return fires(jobId).stream()
                .filter(fire -> fire.fireTime().isAfter(after))
                .toList();
    }

    /** Waits until the first {@code count} fires of the job after {@code after} SUCCEEDED, and returns those. */
    List<InstanceView> awaitSucceeded(long jobId, Instant after, int count, Duration timeout) {
        return Poll.until(
                        count + " fires of job " + jobId + " after " + after + " SUCCEEDED",
                        System.nanoTime(),
                        timeout,
                        INTERVAL,
                        () -> Optional.of(firesAfter(jobId, after))
                                .filter(fires -> fires.size() >= count)
                                .map(fires -> fires.subList(0, count))
                                .filter(fires ->
                                        fires.stream().allMatch(fire -> fire.state() == InstanceState.SUCCEEDED)))
                .value();
    }

    private <T> T onAnyServer(Function<CampanileAdminClient, T> call) {
        return FirstAnswer.of(
                cluster.answeringServers().stream().map(SchedulerNode::admin).toList(), call);
    }
}
