package io.campanile.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything a worker needs to know, validated. {@link #toString()} never shows the secret.
 *
 * @param app the app this worker serves
 * @param secret the app's secret, sent as {@code Authorization: Bearer ...}
 * @param servers base URLs of the servers to ask for discovery, in configured order
 * @param workerId this worker's id, unique in the app
 * @param capacity how many runs may be active at once (run threads)
 * @param prefetch how many claimed runs more may wait for a run thread, so that one poll and one claim carry
 *     more work than the threads that are free at that moment
 * @param heartbeatInterval time between ticks (heartbeat, routine discovery)
 * @param discoveryInterval time between routine discoveries; failures trigger one at once
 * @param timeouts network timeouts and pauses
 */
public record WorkerSettings(
        String app,
        String secret,
        List<URI> servers,
        String workerId,
        int capacity,
        int prefetch,
        Duration heartbeatInterval,
        Duration discoveryInterval,
        Timeouts timeouts,
        List<String> tags,
        long logMaxBytes) {

    /** What an attempt may log by default before its later lines are dropped: 1 MiB. */
    public static final long DEFAULT_LOG_MAX_BYTES = 1L << 20;

    public WorkerSettings {
        servers = List.copyOf(servers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public WorkerSettings withTimeouts(Timeouts newTimeouts) {
        return new WorkerSettings(
                app,
                secret,
                servers,
                workerId,
                capacity,
                prefetch,
                heartbeatInterval,
                discoveryInterval,
                newTimeouts,
                tags,
                logMaxBytes);
    }

    @Override
    public String toString() {
        return "WorkerSettings[app=" + app + ", secret=***, servers=" + servers + ", workerId=" + workerId
                + ", capacity=" + capacity + ", prefetch=" + prefetch + ", heartbeatInterval=" + heartbeatInterval
                + ", discoveryInterval=" + discoveryInterval + ", timeouts=" + timeouts + ", tags=" + tags
                + ", logMaxBytes=" + logMaxBytes + "]";
    }
}
