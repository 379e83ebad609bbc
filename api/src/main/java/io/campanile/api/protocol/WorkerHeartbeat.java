package io.campanile.api.protocol;

/**
 * A worker's periodic sign of life, with the health figures the owner uses to pick workers.
 *
 * @param cpuLoad system load average per core over the last minute, or a negative number if unknown
 */
public record WorkerHeartbeat(
        String workerId,
        double cpuLoad,
        long freeHeapBytes,
        long maxHeapBytes,
        int activeRuns,
        int capacity,
        long epochSeen) {}
