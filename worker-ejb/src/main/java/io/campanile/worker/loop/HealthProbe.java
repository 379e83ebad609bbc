package io.campanile.worker.loop;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.List;

/** Measures this JVM's health for the heartbeat: load per core and heap headroom. */
public final class HealthProbe {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Runtime runtime = Runtime.getRuntime();

    private final Long heartbeatMillis;

    /** A probe whose heartbeats do not say how often they come. */
    public HealthProbe() {
        this(null);
    }

    /** @param heartbeatInterval how often the worker heartbeats, told to the owner in every heartbeat */
    public HealthProbe(Duration heartbeatInterval) {
        this.heartbeatMillis = heartbeatInterval == null ? null : heartbeatInterval.toMillis();
    }

    public WorkerHeartbeat sample(
            String workerId,
            int activeRuns,
            int capacity,
            long epochSeen,
            List<String> processors,
            List<Claim> running) {
        double load = os.getSystemLoadAverage();
        double loadPerCore = load < 0 ? -1 : load / Math.max(1, os.getAvailableProcessors());
        long max = runtime.maxMemory();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return new WorkerHeartbeat(
                workerId,
                loadPerCore,
                Math.max(0, max - used),
                max,
                activeRuns,
                capacity,
                epochSeen,
                processors,
                heartbeatMillis,
                running);
    }
}
