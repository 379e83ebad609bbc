package io.campanile.scheduler.application;

import io.campanile.api.protocol.Assignment;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks due WAITING instances of an app DISPATCHED to the waiting workers, in one transaction fenced
 * by the app's epoch; the caller hands the assignments out only after it committed.
 */
@ApplicationScoped
public class AssignWork {

    private OwnerFence fence;
    private JobRepository jobs;
    private InstanceRepository instances;

    protected AssignWork() {}

    @Inject
    public AssignWork(OwnerFence fence, JobRepository jobs, InstanceRepository instances) {
        this.fence = fence;
        this.jobs = jobs;
        this.instances = instances;
    }

    /** At most this many instances are dispatched by one call; the rest on the next tick. */
    static final int MAX_PER_CALL = 1000;

    /** A worker waiting for work and how many instances it can take. */
    public record Slot(String workerId, int capacity) {}

    /**
     * @param slots waiting workers, most preferred first
     * @return the assignments per worker id (only workers that got some)
     */
    @Transactional
    public Map<String, List<Assignment>> assign(String appName, long epoch, List<Slot> slots, Instant now) {
        // summed as a long and capped: workers' capacities must not overflow into "no work" (or a negative limit)
        int capacity = (int) Math.min(
                MAX_PER_CALL,
                slots.stream().mapToLong(s -> Math.max(0, s.capacity())).sum());
        Map<String, List<Assignment>> plan = new LinkedHashMap<>();
        List<JobInstance> due = capacity == 0 ? List.of() : instances.findDue(appName, now, capacity);
        if (due.isEmpty()) {
            return plan; // most ticks: no write, no lock
        }
        fence.hold(appName, epoch);
        Map<String, Integer> given = new HashMap<>();
        Map<Long, Job> jobsById = new HashMap<>();
        for (JobInstance instance : due) {
            Slot slot = leastGiven(slots, given);
            Job job = jobsById.computeIfAbsent(
                    instance.jobId(), id -> jobs.find(appName, id).orElseThrow());
            if (instances.markDispatched(instance.id(), instance.attempt(), slot.workerId(), epoch, fence.ownerId())) {
                given.merge(slot.workerId(), 1, Integer::sum);
                plan.computeIfAbsent(slot.workerId(), w -> new ArrayList<>())
                        .add(new Assignment(
                                instance.id(),
                                instance.attempt(),
                                job.id(),
                                job.name(),
                                job.processor(),
                                instance.fireTime(),
                                epoch,
                                instance.parameters()));
            }
        }
        return plan;
    }

    /** The preferred slot among those given the fewest instances so far, spreading work evenly. */
    private static Slot leastGiven(List<Slot> slots, Map<String, Integer> given) {
        Slot best = null;
        for (Slot slot : slots) {
            int g = given.getOrDefault(slot.workerId(), 0);
            if (g < slot.capacity() && (best == null || g < given.getOrDefault(best.workerId(), 0))) {
                best = slot;
            }
        }
        return best;
    }
}
