package io.campanile.api.admin;

import io.campanile.api.protocol.Claim;
import java.time.Instant;
import java.util.List;

/**
 * A worker of an app as its owner sees it from its heartbeats.
 *
 * @param live whether the owner still counts it live (heard from within its missed-heartbeats limit)
 * @param lastHeardAt when the owner last heard from it (a heartbeat, a poll or a report)
 * @param lastHeartbeatAt when its last heartbeat came; null if the owner had none from it yet
 * @param cpuLoad load average per core over the last minute; negative when the worker cannot tell
 * @param freeDiskBytes free disk in its working directory; null from a worker that does not say
 * @param running the attempts it said it runs in its last heartbeat
 * @param tags its tags ({@code campanile.worker.tags}); empty when it has none
 * @param processors the processors it can run; null when it does not say
 */
public record WorkerView(
        String workerId,
        boolean live,
        Instant lastHeardAt,
        Instant lastHeartbeatAt,
        Long heartbeatMillis,
        double cpuLoad,
        long freeHeapBytes,
        long maxHeapBytes,
        Long freeDiskBytes,
        int capacity,
        int activeRuns,
        List<Claim> running,
        List<String> tags,
        List<String> processors) {}
