package io.campanile.scheduler.domain.job;

import io.campanile.api.DispatchStrategy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which workers may run a job's instances and how one is picked among them; stored with the job. Designated workers
 * (by id or by tag) narrow the eligible ones; none designated: any. Lists are stored one entry per line (worker ids
 * and tags hold no line breaks).
 */
@Embeddable
public class Routing {

    @Enumerated(EnumType.STRING)
    @Column(name = "dispatch_strategy", nullable = false)
    private DispatchStrategy strategy = DispatchStrategy.HEALTH_FIRST;

    @Column(name = "route_workers")
    private String workers;

    @Column(name = "route_tags")
    private String tags;

    @Column(name = "min_free_heap_mb")
    private Long minFreeHeapMb;

    @Column(name = "max_cpu_load")
    private Double maxCpuLoad;

    @Column(name = "min_free_disk_mb")
    private Long minFreeDiskMb;

    @Column(name = "max_workers")
    private Integer maxWorkers;

    /** Sets every field; null or empty for what the job does not ask for. */
    public void set(
            DispatchStrategy newStrategy,
            List<String> newWorkers,
            List<String> newTags,
            Long newMinFreeHeapMb,
            Double newMaxCpuLoad,
            Long newMinFreeDiskMb,
            Integer newMaxWorkers) {
        if (newMaxWorkers != null && newMaxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers is at least 1, was " + newMaxWorkers);
        }
        this.strategy = newStrategy == null ? DispatchStrategy.HEALTH_FIRST : newStrategy;
        this.workers = joined(newWorkers);
        this.tags = joined(newTags);
        this.minFreeHeapMb = newMinFreeHeapMb;
        this.maxCpuLoad = newMaxCpuLoad;
        this.minFreeDiskMb = newMinFreeDiskMb;
        this.maxWorkers = newMaxWorkers;
    }

    private static String joined(List<String> list) {
        return list == null || list.isEmpty() ? null : String.join("\n", list);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    public DispatchStrategy strategy() {
        return strategy;
    }

    /** The designated worker ids; empty: none designated by id. */
    public List<String> workers() {
        return split(workers);
    }

    /** The designating tags; empty: none designated by tag. */
    public List<String> tags() {
        return split(tags);
    }

    public OptionalLong minFreeHeapMb() {
        return minFreeHeapMb == null ? OptionalLong.empty() : OptionalLong.of(minFreeHeapMb);
    }

    public OptionalDouble maxCpuLoad() {
        return maxCpuLoad == null ? OptionalDouble.empty() : OptionalDouble.of(maxCpuLoad);
    }

    public OptionalLong minFreeDiskMb() {
        return minFreeDiskMb == null ? OptionalLong.empty() : OptionalLong.of(minFreeDiskMb);
    }

    public OptionalInt maxWorkers() {
        return maxWorkers == null ? OptionalInt.empty() : OptionalInt.of(maxWorkers);
    }

    /** Whether workers are designated (by id or tag) at all. */
    public boolean designates() {
        return workers != null || tags != null;
    }

    /** A short text of what the routing requires, for reasons; empty when it requires nothing. */
    public Optional<String> requirements() {
        StringBuilder b = new StringBuilder();
        if (workers != null) {
            b.append("workers ").append(workers().toString());
        }
        if (tags != null) {
            b.append(b.isEmpty() ? "" : " or ").append("tags ").append(tags());
        }
        if (minFreeHeapMb != null) {
            b.append(b.isEmpty() ? "" : ", ")
                    .append("free heap >= ")
                    .append(minFreeHeapMb)
                    .append(" MiB");
        }
        if (maxCpuLoad != null) {
            b.append(b.isEmpty() ? "" : ", ").append("CPU load <= ").append(maxCpuLoad);
        }
        if (minFreeDiskMb != null) {
            b.append(b.isEmpty() ? "" : ", ")
                    .append("free disk >= ")
                    .append(minFreeDiskMb)
                    .append(" MiB");
        }
        return b.isEmpty() ? Optional.empty() : Optional.of(b.toString());
    }
}
