package io.campanile.scheduler.application;

import io.campanile.api.protocol.Assignment;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans which due WAITING instances of an app go to which waiting worker, oldest first, evenly, and records
 * them as handed out ({@link HandedOut}); tells {@link DueWork} when the next waiting instance becomes due, if
 * that is before its next periodic look. It writes nothing to the database: a worker runs an assignment only
 * after its claim, a conditional update under the epoch carried here, was accepted.
 */
@ApplicationScoped
public class AssignWork {

    private JobRepository jobs;
    private InstanceRepository instances;
    private HandedOut handedOut;
    private DueWork dueWork;

    protected AssignWork() {}

    @Inject
    public AssignWork(JobRepository jobs, InstanceRepository instances, HandedOut handedOut, DueWork dueWork) {
        this.jobs = jobs;
        this.instances = instances;
        this.handedOut = handedOut;
        this.dueWork = dueWork;
    }

    /** At most this many instances are handed out by one call; the rest on the next. */
    static final int MAX_PER_CALL = 1000;

    /** A worker waiting for work and how many instances it can take. */
    public record Slot(String workerId, int capacity) {}

    /**
     * @param slots waiting workers, most preferred first
     * @return the assignments per worker id (only workers that got some)
     */
    public Map<String, List<Assignment>> assign(String appName, long epoch, List<Slot> slots, Instant now) {
        // summed as a long and capped: workers' capacities must not overflow into "no work" (or a negative limit)
        int capacity = (int) Math.min(
                Math.min(MAX_PER_CALL, handedOut.room(appName)),
                slots.stream().mapToLong(s -> Math.max(0, s.capacity())).sum());
        Map<String, List<Assignment>> plan = new LinkedHashMap<>();
        if (capacity == 0) {
            return plan;
        }
        Set<Long> handed = handedOut.ids(appName);
        // one look a recheck period ahead: what becomes due before the next periodic look is dispatched on the
        // tick after its fire time, not up to a whole period late (runs asked for at an instant)
        List<DueAttempt> found =
                instances.findDue(appName, now.plusMillis(DueWork.RECHECK_MILLIS), capacity + handed.size()).stream()
                        .filter(i -> !handed.contains(i.instanceId()))
                        .toList();
        List<DueAttempt> due = found.stream()
                .filter(i -> !i.dueAt().isAfter(now))
                .limit(capacity)
                .toList();
        found.stream()
                .filter(i -> i.dueAt().isAfter(now))
                .findFirst()
                .ifPresent(next -> dueWork.workDueAt(appName, next.dueAt()));
        Map<String, Integer> given = new HashMap<>();
        Map<Long, Job> jobsById = new HashMap<>();
        Map<String, List<Attempt>> handing = new HashMap<>();
        for (DueAttempt instance : due) {
            Slot slot = leastGiven(slots, given);
            Job job = jobsById.computeIfAbsent(
                    instance.jobId(), id -> jobs.find(appName, id).orElseThrow());
            given.merge(slot.workerId(), 1, Integer::sum);
            handing.computeIfAbsent(slot.workerId(), w -> new ArrayList<>())
                    .add(new Attempt(instance.instanceId(), instance.attempt()));
            plan.computeIfAbsent(slot.workerId(), w -> new ArrayList<>())
                    .add(new Assignment(
                            instance.instanceId(),
                            instance.attempt(),
                            job.id(),
                            job.name(),
                            job.processor(),
                            instance.fireTime(),
                            epoch,
                            instance.parameters(),
                            instance.previousOutcome(),
                            job.attemptTimeout().map(Duration::toMillis).orElse(null)));
        }
        handing.forEach((worker, attempts) -> handedOut.record(appName, worker, attempts));
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
