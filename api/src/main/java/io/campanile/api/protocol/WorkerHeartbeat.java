package io.campanile.api.protocol;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * A worker's periodic sign of life, with the health figures the owner uses to pick workers.
 *
 * @param cpuLoad system load average per core over the last minute, or a negative number if unknown
 * @param processors the processor names this worker can run (what a job's {@code processor} names); null
 *     from a worker that predates this field, which says nothing about its processors
 * @param heartbeatMillis how often this worker heartbeats: the owner declares it lost after a number of them are
 *     missed ({@code campanile.worker.missed-heartbeats}); null from a worker that predates this field (taken as 1 s)
 * @param running the attempts running on this worker now, so that the owner can tell it which to stop (stopped
 *     through the admin API); null from a worker that predates this field
 * @param tags the worker's tags ({@code campanile.worker.tags}), which jobs' routing can name; null from a worker
 *     that predates this field (no tags)
 * @param freeDiskBytes free disk space in the worker's working directory, which jobs' routing can require; null
 *     from a worker that predates this field
 */
public record WorkerHeartbeat(
        String workerId,
        double cpuLoad,
        long freeHeapBytes,
        long maxHeapBytes,
        int activeRuns,
        int capacity,
        long epochSeen,
        List<String> processors,
        Long heartbeatMillis,
        List<Claim> running,
        List<String> tags,
        Long freeDiskBytes) {

    /** The constructor JSON-B uses. */
    @JsonbCreator
    public WorkerHeartbeat {}
}
