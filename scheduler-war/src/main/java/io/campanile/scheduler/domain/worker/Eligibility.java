package io.campanile.scheduler.domain.worker;

import io.campanile.scheduler.domain.job.Routing;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a worker may run an instance of a job: it has the job's processor (when it says which it has), it is
 * designated by the job's routing (by id or tag; any worker when none is designated), and it passes the routing's
 * filters on free heap, CPU load and free disk. A worker whose heartbeat did not bring a figure a filter needs does not
 * pass that filter; a worker that cannot tell its CPU load passes the CPU filter.
 */
public final class Eligibility {

    private static final long MIB = 1L << 20;
    /** How many workers a reason names at most. */
    private static final int NAMED = 3;

    private Eligibility() {}

    /** Why the worker may not run an instance of a job with this processor and routing; empty if it may. */
    public static Optional<String> whyNot(WorkerStatus w, String processor, Routing r) {
        if (w.processors().isPresent() && !w.processors().get().contains(processor)) {
            return Optional.of("has no processor '" + processor + "'");
        }
        if (!designated(w, r)) {
            return Optional.of("is not designated");
        }
        return failedFilter(w, r);
    }

    private static boolean designated(WorkerStatus w, Routing r) {
        return !r.designates()
                || r.workers().contains(w.workerId())
                || r.tags().stream().anyMatch(w.tags()::contains);
    }

    private static Optional<String> failedFilter(WorkerStatus w, Routing r) {
        if (r.minFreeHeapMb().isPresent()) {
            long need = r.minFreeHeapMb().getAsLong();
            if (w.freeHeapBytes().isEmpty()) {
                return Optional.of("has not told its free heap");
            }
            if (w.freeHeapBytes().getAsLong() / MIB < need) {
                return Optional.of("has " + w.freeHeapBytes().getAsLong() / MIB + " MiB free heap, not " + need);
            }
        }
        if (r.maxCpuLoad().isPresent() && w.cpuLoad() > r.maxCpuLoad().getAsDouble()) {
            return Optional.of(String.format(
                    java.util.Locale.ROOT,
                    "has a CPU load of %.2f per core, above %.2f",
                    w.cpuLoad(),
                    r.maxCpuLoad().getAsDouble()));
        }
        if (r.minFreeDiskMb().isPresent()) {
            long need = r.minFreeDiskMb().getAsLong();
            if (w.freeDiskBytes().isEmpty()) {
                return Optional.of("has not told its free disk");
            }
            if (w.freeDiskBytes().getAsLong() / MIB < need) {
                return Optional.of("has " + w.freeDiskBytes().getAsLong() / MIB + " MiB free disk, not " + need);
            }
        }
        return Optional.empty();
    }

    /**
     * Why none of the app's live workers may run an instance of the job; empty if one may. The reason names the
     * first condition no worker meets: no live worker, none with the processor, none designated, none passing the
     * filters (naming a few workers and why).
     */
    public static Optional<String> noneEligible(String appName, List<WorkerStatus> live, String processor, Routing r) {
        if (live.isEmpty()) {
            return Optional.of("no live worker of app " + appName);
        }
        List<WorkerStatus> withProcessor = live.stream()
                .filter(w -> w.processors().map(p -> p.contains(processor)).orElse(true))
                .toList();
        if (withProcessor.isEmpty()) {
            return Optional.of("no live worker of app " + appName + " has processor '" + processor + "'");
        }
        List<WorkerStatus> designated =
                withProcessor.stream().filter(w -> designated(w, r)).toList();
        if (designated.isEmpty()) {
            return Optional.of("no live worker of app " + appName + " with processor '" + processor
                    + "' is designated by the job's routing ("
                    + r.requirements().orElse("") + ")");
        }
        List<String> failed = designated.stream()
                .map(w -> failedFilter(w, r).map(why -> w.workerId() + " " + why))
                .flatMap(Optional::stream)
                .toList();
        if (failed.size() < designated.size()) {
            return Optional.empty();
        }
        String named = failed.stream().limit(NAMED).collect(Collectors.joining("; "));
        return Optional.of("no live worker of app " + appName + " passes the job's routing ("
                + r.requirements().orElse("") + "): " + named
                + (failed.size() > NAMED ? "; and " + (failed.size() - NAMED) + " more" : ""));
    }
}
