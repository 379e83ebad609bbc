package io.campanile.scheduler.domain.worker;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the owner of an app last saw of its live workers: how many there are and the processors they can run.
 *
 * @param processors the union of the live workers' processor names; empty when unknown (a worker that does not
 *     report them)
 */
public record WorkerSummary(String appName, int liveWorkers, Optional<SortedSet<String>> processors) {

    public WorkerSummary {
        processors = processors.map(names -> new TreeSet<>(names));
    }

    public static WorkerSummary of(String appName, int liveWorkers, Set<String> processorsOrNull) {
        return new WorkerSummary(
                appName, liveWorkers, Optional.ofNullable(processorsOrNull).map(TreeSet::new));
    }

    /** Why a job with this processor cannot run now, if it cannot. */
    public Optional<String> jobWarning(String processor) {
        if (liveWorkers == 0) {
            return Optional.of("app " + appName + " has no live worker: its fires wait until one polls");
        }
        return missing(processor)
                .map(p -> "no live worker of app " + appName + " has processor '" + p + "' (they have "
                        + String.join(", ", processors.orElseThrow()) + "): its fires wait");
    }

    /** Why an instance of a job with this processor is still waiting, if the workers explain it. */
    public Optional<String> waitingReason(String processor) {
        if (liveWorkers == 0) {
            return Optional.of("no live worker of app " + appName);
        }
        return missing(processor).map(p -> "no live worker of app " + appName + " has processor '" + p + "'");
    }

    private Optional<String> missing(String processor) {
        return processors.filter(names -> !names.contains(processor)).map(names -> processor);
    }
}
