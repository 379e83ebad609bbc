package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.Routing;
import io.campanile.scheduler.domain.worker.Eligibility;
import io.campanile.scheduler.domain.worker.WorkerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * For one hand-out ({@link AssignWork}): the waiting workers with room that may run a job, those given least so far
 * first, then in the order preferred. Worked out once per job and kept in order as work is given, rather than checked
 * and sorted again for every instance (a hand-out places up to {@link AssignWork#MAX_PER_CALL} instances). Work due
 * later than now goes only to workers that start it on time.
 */
final class WorkerCandidates {

    private record Key(long jobId, boolean ahead) {}

    private final Map<String, AssignWork.Slot> slots = new HashMap<>();
    private final Map<String, Integer> preference = new HashMap<>();
    private final Map<String, Integer> given = new HashMap<>();
    private final Function<String, WorkerStatus> status;
    private final Map<Key, List<String>> byJob = new HashMap<>();

    /** @param slots waiting workers, most preferred first */
    WorkerCandidates(List<AssignWork.Slot> slots, Function<String, WorkerStatus> status) {
        for (AssignWork.Slot slot : slots) {
            if (this.slots.putIfAbsent(slot.workerId(), slot) == null) {
                preference.put(slot.workerId(), preference.size());
            }
        }
        this.status = status;
    }

    /**
     * The candidates for an instance of {@code job}; the list is the plan's own and changes as work is given.
     *
     * @param ahead whether the instance is not due yet (only workers that start on time may take it)
     * @param using the workers a {@code maxWorkers} limit counts (empty when the job has none)
     */
    List<String> of(Job job, boolean ahead, Set<String> using) {
        return byJob.computeIfAbsent(new Key(job.id(), ahead), k -> workOut(job, ahead, using));
    }

    private List<String> workOut(Job job, boolean ahead, Set<String> using) {
        Routing r = job.routing();
        List<String> candidates = new ArrayList<>();
        for (AssignWork.Slot slot : slots.values()) {
            String w = slot.workerId();
            if (!hasRoom(w)
                    || (ahead && !slot.startsOnTime())
                    || Eligibility.whyNot(status.apply(w), job.processor(), r).isPresent()
                    || (r.maxWorkers().isPresent()
                            && !using.contains(w)
                            && using.size() >= r.maxWorkers().getAsInt())) {
                continue;
            }
            candidates.add(w);
        }
        candidates.sort(this::compare);
        return candidates;
    }

    /** {@code worker} was given an instance of {@code job}: it moves behind those given less, or out once full. */
    void given(String worker, Job job) {
        given.merge(worker, 1, Integer::sum);
        if (job.routing().maxWorkers().isPresent()) {
            // the workers it counts may have grown: worked out again on the next instance
            byJob.remove(new Key(job.id(), false));
            byJob.remove(new Key(job.id(), true));
        }
        boolean full = !hasRoom(worker);
        for (List<String> candidates : byJob.values()) {
            if (candidates.remove(worker) && !full) {
                int at = 0;
                while (at < candidates.size() && compare(candidates.get(at), worker) < 0) {
                    at++;
                }
                candidates.add(at, worker);
            }
        }
    }

    /** Whether the worker starts work at the time its assignment says (may be handed work ahead). */
    boolean startsOnTime(String worker) {
        AssignWork.Slot slot = slots.get(worker);
        return slot != null && slot.startsOnTime();
    }

    private boolean hasRoom(String worker) {
        return given.getOrDefault(worker, 0) < slots.get(worker).capacity();
    }

    private int compare(String a, String b) {
        int byGiven = Integer.compare(given.getOrDefault(a, 0), given.getOrDefault(b, 0));
        return byGiven != 0 ? byGiven : Integer.compare(preference.get(a), preference.get(b));
    }
}
