package io.campanile.scheduler.application;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RoutingDefinition;
import io.campanile.scheduler.domain.job.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a job definition's routing, refusing with the field named what is out of range. */
final class RoutingDefinitions {

    /** A tag, as workers declare them ({@code campanile.worker.tags}). */
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static final int MAX_DESIGNATED = 100;
    static final int MAX_TAGS = 32;
    /** 1 PiB in MiB: more than any worker has; beyond it a filter is a mistake. */
    static final long MAX_MB = 1L << 30;

    static final double MAX_CPU_LOAD = 1000;

    private RoutingDefinitions() {}

    /** A job's routing as asked for, checked: any worker, the healthiest first, when absent. */
    record RoutingChoice(
            DispatchStrategy strategy,
            List<String> workers,
            List<String> tags,
            Long minFreeHeapMb,
            Double maxCpuLoad,
            Long minFreeDiskMb,
            Integer maxWorkers) {

        static final RoutingChoice ANY =
                new RoutingChoice(DispatchStrategy.HEALTH_FIRST, List.of(), List.of(), null, null, null, null);

        void applyTo(Routing routing) {
            routing.set(strategy, workers, tags, minFreeHeapMb, maxCpuLoad, minFreeDiskMb, maxWorkers);
        }
    }

    /**
     * The routing of {@code d}.
     *
     * @throws RequestRejected naming the field that is wrong
     */
    static RoutingChoice routing(JobDefinition d) {
        RoutingDefinition r = d.routing();
        if (r == null) {
            return RoutingChoice.ANY;
        }
        List<String> workers = names("routing.workers", r.workers(), MAX_DESIGNATED, null);
        List<String> tags = names("routing.tags", r.tags(), MAX_TAGS, TAG);
        if (r.maxWorkers() != null && (r.maxWorkers() < 1 || r.maxWorkers() > 1000)) {
            throw RequestRejected.invalid("routing.maxWorkers", "must be between 1 and 1000, not " + r.maxWorkers());
        }
        return new RoutingChoice(
                r.strategy() == null ? DispatchStrategy.HEALTH_FIRST : r.strategy(),
                workers,
                tags,
                megabytes("routing.minFreeHeapMb", r.minFreeHeapMb()),
                cpu(r.maxCpuLoad()),
                megabytes("routing.minFreeDiskMb", r.minFreeDiskMb()),
                r.maxWorkers());
    }

    private static List<String> names(String field, List<String> given, int max, Pattern shape) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > max) {
            throw RequestRejected.invalid(field, "names more than " + max);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = field + "[" + i + "]";
            String name = Check.identifier(at, given.get(i), InputLimits.MAX_WORKER_ID);
            if (shape != null && !shape.matcher(name).matches()) {
                throw RequestRejected.invalid(at, "a tag is 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Long megabytes(String field, Long value) {
        if (value != null && (value < 0 || value > MAX_MB)) {
            throw RequestRejected.invalid(field, "must be between 0 and " + MAX_MB + " (MiB), not " + value);
        }
        return value;
    }

    private static Double cpu(Double value) {
        if (value != null && !(value >= 0 && value <= MAX_CPU_LOAD)) {
            throw RequestRejected.invalid(
                    "routing.maxCpuLoad",
                    "must be between 0 and " + (int) MAX_CPU_LOAD + " (load per core), not " + value);
        }
        return value;
    }
}
