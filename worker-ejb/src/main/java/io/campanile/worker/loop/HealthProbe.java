package io.campanile.worker.loop;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.List;

/** Measures this JVM's health for the heartbeat: load per core, heap headroom and free disk; and names its tags. */
public final class HealthProbe {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Runtime runtime = Runtime.getRuntime();

    private final Long heartbeatMillis;
    private final List<String> tags;
    private final File workingDirectory = new File(".");

    /** A probe whose heartbeats do not say how often they come. */
    public HealthProbe() {
        this(null);
    }

    /** @param heartbeatInterval how often the worker heartbeats, told to the owner in every heartbeat */
    public HealthProbe(Duration heartbeatInterval) {
        this(heartbeatInterval, List.of());
    }

    /**
     * @param heartbeatInterval how often the worker heartbeats, told to the owner in every heartbeat
     * @param tags the worker's tags, told to the owner in every heartbeat (jobs' routing names them)
     */
    public HealthProbe(Duration heartbeatInterval, List<String> tags) {
        this.heartbeatMillis = heartbeatInterval == null ? null : heartbeatInterval.toMillis();
        this.tags = List.copyOf(tags);
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
                running,
                tags,
                freeDisk());
    }

    /** Free space in the working directory, or null when it cannot be read. */
    private Long freeDisk() {
        try {
            long free = workingDirectory.getUsableSpace();
            return free > 0 ? free : null;
        } catch (SecurityException e) {
            return null;
        }
    }
}
