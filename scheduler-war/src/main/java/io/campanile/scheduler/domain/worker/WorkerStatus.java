package io.campanile.scheduler.domain.worker;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the owner of an app knows of one of its live workers from its last heartbeat, as worker selection reads it.
 * A worker heard from only by its polls so far has no figures yet ({@link #heard} false).
 *
 * @param processors the processors it can run; empty when it does not say
 * @param cpuLoad load average per core; negative when unknown
 */
public record WorkerStatus(
        String workerId,
        boolean heard,
        Set<String> tags,
        Optional<Set<String>> processors,
        double cpuLoad,
        OptionalLong freeHeapBytes,
        OptionalLong freeDiskBytes,
        int capacity,
        int activeRuns) {

    public WorkerStatus {
        tags = Set.copyOf(tags);
        processors = processors.map(Set::copyOf);
    }

    /** A worker known only from its polls: no tags, no figures. */
    public static WorkerStatus unheard(String workerId) {
        return new WorkerStatus(
                workerId, false, Set.of(), Optional.empty(), -1, OptionalLong.empty(), OptionalLong.empty(), 0, 0);
    }

    /** How busy it is for its size: running attempts per unit of capacity. */
    public double busyness() {
        return capacity <= 0 ? activeRuns : (double) activeRuns / capacity;
    }
}
