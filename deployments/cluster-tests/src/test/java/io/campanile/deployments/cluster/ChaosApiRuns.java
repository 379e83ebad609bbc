package io.campanile.deployments.cluster;

import io.campanile.api.admin.RunRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API runs of a chaos soak, on a thread of their own while the faults go on: at the plan's random gaps, a run
 * of an app's on-demand job through the admin run endpoint of a server that can answer (taking turns). Each run has
 * a request id of its own, so that asking again after a failed call (a server killed, PostgreSQL down) cannot
 * create a second run; a run no server confirmed within {@link #GIVE_UP} may still exist, and the books look for it.
 */
final class ChaosApiRuns {

    static final Duration GIVE_UP = Duration.ofSeconds(20);

    private final ChaosCluster cluster;
    private final ChaosPlan plan;
    private final Map<String, Long> onDemandJobs;
    private final List<ChaosBooks.ApiRequest> requests = new ArrayList<>();
    private final Thread thread = new Thread(this::loop, "chaos-api-runs");
    private volatile boolean stopped;
    private int failedCalls;

    /** @param onDemandJobs the id of each app's on-demand job */
    ChaosApiRuns(ChaosCluster cluster, ChaosPlan plan, Map<String, Long> onDemandJobs) {
        this.cluster = cluster;
        this.plan = plan;
        this.onDemandJobs = Map.copyOf(onDemandJobs);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops once the run being asked for, if any, is confirmed or given up; returns every run asked for. */
    List<ChaosBooks.ApiRequest> stop() throws InterruptedException {
        stopped = true;
        thread.join(GIVE_UP.plusSeconds(30).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the API-run thread did not stop");
        }
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    synchronized int failedCalls() {
        return failedCalls;
    }

    private void loop() {
        int n = 0;
        while (!stopped) {
            ChaosPlan.ApiRun next = plan.nextApiRun();
            long gapStart = System.nanoTime();
            while (!stopped && Poll.millisSince(gapStart) < next.gapBefore().toMillis()) {
                Poll.pause(Duration.ofMillis(100));
            }
            if (stopped) {
                return;
            }
            String app = cluster.apps().get(next.app());
            ChaosBooks.ApiRequest request = ask(app, "chaos-" + plan.seed() + "-" + ++n, n);
            synchronized (requests) {
                requests.add(request);
            }
        }
    }

    private ChaosBooks.ApiRequest ask(String app, String requestId, int n) {
        long jobId = onDemandJobs.get(app);
        long start = System.nanoTime();
        for (int call = 0; Poll.millisSince(start) < GIVE_UP.toMillis(); call++) {
            List<ChaosServer> answering = cluster.answeringServers();
            if (!answering.isEmpty()) {
                ChaosServer server = answering.get((n + call) % answering.size());
                try {
                    server.admin().runJob(app, jobId, new RunRequest(null, null, requestId));
                    return new ChaosBooks.ApiRequest(app, jobId, requestId, true);
                } catch (RuntimeException e) {
                    synchronized (this) {
                        failedCalls++;
                    }
                }
            }
            Poll.pause(Duration.ofMillis(500));
        }
        return new ChaosBooks.ApiRequest(app, jobId, requestId, false);
    }
}
