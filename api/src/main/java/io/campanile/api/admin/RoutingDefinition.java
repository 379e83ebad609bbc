package io.campanile.api.admin;

import io.campanile.api.DispatchStrategy;
import java.util.List;

/**
 * Which workers may run a job's instances and how one is picked. Every field may be left out; a job without routing
 * runs on any live worker that has its processor, the healthiest first. A worker at its capacity never gets more.
 *
 * @param strategy how a worker is picked among the eligible ones: HEALTH_FIRST (the default), RANDOM, ROUND_ROBIN or
 *     CONSISTENT_HASH (of the instance's parameters)
 * @param workers designated workers by id: only these (and those with one of {@code tags}) are eligible
 * @param tags designated workers by tag ({@code campanile.worker.tags} in the worker's configuration): a worker with
 *     any of these tags is eligible
 * @param minFreeHeapMb a worker is eligible only with at least this much free heap, in MiB
 * @param maxCpuLoad a worker is eligible only while its load average per core is at most this (a worker that cannot
 *     tell its load is eligible)
 * @param minFreeDiskMb a worker is eligible only with at least this much free disk in its working directory, in MiB
 * @param maxWorkers the most workers that run the job's instances at the same time
 */
public record RoutingDefinition(
        DispatchStrategy strategy,
        List<String> workers,
        List<String> tags,
        Long minFreeHeapMb,
        Double maxCpuLoad,
        Long minFreeDiskMb,
        Integer maxWorkers) {

    /** Picks workers by {@code strategy}, with no other condition. */
    public static RoutingDefinition of(DispatchStrategy strategy) {
        return new RoutingDefinition(strategy, null, null, null, null, null, null);
    }

    /** Only workers with one of these tags. */
    public RoutingDefinition withTags(List<String> newTags) {
        return new RoutingDefinition(strategy, workers, newTags, minFreeHeapMb, maxCpuLoad, minFreeDiskMb, maxWorkers);
    }

    /** Only these workers (by id). */
    public RoutingDefinition withWorkers(List<String> newWorkers) {
        return new RoutingDefinition(strategy, newWorkers, tags, minFreeHeapMb, maxCpuLoad, minFreeDiskMb, maxWorkers);
    }

    /** Only workers with this much free heap and disk (MiB, null: any) and at most this CPU load (null: any). */
    public RoutingDefinition withFilters(Long newMinFreeHeapMb, Double newMaxCpuLoad, Long newMinFreeDiskMb) {
        return new RoutingDefinition(
                strategy, workers, tags, newMinFreeHeapMb, newMaxCpuLoad, newMinFreeDiskMb, maxWorkers);
    }

    /** At most this many workers run the job's instances at once. */
    public RoutingDefinition withMaxWorkers(Integer newMaxWorkers) {
        return new RoutingDefinition(strategy, workers, tags, minFreeHeapMb, maxCpuLoad, minFreeDiskMb, newMaxWorkers);
    }
}
