package io.campanile.scheduler.testing;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.util.List;

/**
 * Builds the heartbeats tests send: {@code aHeartbeat("w1").processors("p").build()}. Unset, a worker is idle with
 * 4 run threads, a tenth of a core busy, 1 of 2 bytes of heap free, epoch 1 seen, and says nothing of its
 * processors, period, running attempts, tags or disk (as an older worker).
 */
public final class Heartbeats {

    private final String workerId;
    private double cpuLoad = 0.1;
    private long freeHeapBytes = 1;
    private long maxHeapBytes = 2;
    private int activeRuns;
    private int capacity = 4;
    private long epochSeen = 1;
    private List<String> processors;
    private Long heartbeatMillis;
    private List<Claim> running;
    private List<String> tags;

    private Heartbeats(String workerId) {
        this.workerId = workerId;
    }

    public static Heartbeats aHeartbeat(String workerId) {
        return new Heartbeats(workerId);
    }

    public Heartbeats cpuLoad(double load) {
        this.cpuLoad = load;
        return this;
    }

    public Heartbeats heap(long free, long max) {
        this.freeHeapBytes = free;
        this.maxHeapBytes = max;
        return this;
    }

    public Heartbeats activeRuns(int runs) {
        this.activeRuns = runs;
        return this;
    }

    public Heartbeats capacity(int threads) {
        this.capacity = threads;
        return this;
    }

    public Heartbeats epochSeen(long epoch) {
        this.epochSeen = epoch;
        return this;
    }

    public Heartbeats processors(String... names) {
        return processors(List.of(names));
    }

    public Heartbeats processors(List<String> names) {
        this.processors = names;
        return this;
    }

    public Heartbeats heartbeatMillis(long period) {
        this.heartbeatMillis = period;
        return this;
    }

    public Heartbeats running(List<Claim> attempts) {
        this.running = attempts;
        return this;
    }

    public Heartbeats tags(List<String> workerTags) {
        this.tags = workerTags;
        return this;
    }

    public WorkerHeartbeat build() {
        return new WorkerHeartbeat(
                workerId,
                cpuLoad,
                freeHeapBytes,
                maxHeapBytes,
                activeRuns,
                capacity,
                epochSeen,
                processors,
                heartbeatMillis,
                running,
                tags,
                null);
    }
}
