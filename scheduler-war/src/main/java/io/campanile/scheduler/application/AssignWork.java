package io.campanile.scheduler.application;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.protocol.Assignment;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.DueAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.worker.Eligibility;
import io.campanile.scheduler.domain.worker.WorkerPicker;
import io.campanile.scheduler.domain.worker.WorkerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plans which due WAITING instances of an app go to which waiting worker, oldest first, and records them as handed
 * out ({@link HandedOut}); tells {@link DueWork} when the next waiting instance becomes due, if that is before its
 * next periodic look. Each instance goes to a worker its job's routing allows ({@link Eligibility}), picked by the
 * job's strategy ({@link WorkerPicker}); the healthiest first by default, spreading work evenly. An instance no waiting
 * worker may take stays WAITING and does not hold up the ones behind it. It writes nothing to the database: a worker
 * runs an assignment only after its claim, a conditional update under the epoch carried here, was accepted.
 *
 * <p>Work due within {@code campanile.dispatch.lead-millis} is handed out ahead to workers that start it on time: the
 * assignment says how long after it arrives the processor starts, so the hand-out and the claim happen before the due
 * time instead of delaying the start (the fire-lag target of issue 7). Such an instance is RUNNING from its claim.
 */
@ApplicationScoped
public class AssignWork {

    private JobRepository jobs;
    private InstanceRepository instances;
    private HandedOut handedOut;
    private DueWork dueWork;
    private WorkerRegistry workers;
    private int missedHeartbeats;
    private long leadMillis;
    private SchedulerMetrics metrics;
    private final WorkerPicker picker = new WorkerPicker(ThreadLocalRandom.current());

    protected AssignWork() {}

    @Inject
    public AssignWork(
            JobRepository jobs,
            InstanceRepository instances,
            HandedOut handedOut,
            DueWork dueWork,
            WorkerRegistry workers,
            SchedulerSettings settings,
            SchedulerMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.instances = instances;
        this.handedOut = handedOut;
        this.dueWork = dueWork;
        this.workers = workers;
        this.missedHeartbeats = settings.missedHeartbeats();
        this.leadMillis = settings.leadMillis();
    }

    /** At most this many instances are handed out by one call; the rest on the next. */
    static final int MAX_PER_CALL = 1000;

    /** When routing left due instances unplaced, one more look reads this many further due instances. */
    static final int LOOK_FURTHER = 500;

    /**
     * A worker waiting for work and how many instances it can take.
     *
     * @param startsOnTime whether it may be handed work up to the lead before it is due (it starts it on time)
     */
    public record Slot(String workerId, int capacity, boolean startsOnTime) {

        /** A worker that is handed only due work. */
        public Slot(String workerId, int capacity) {
            this(workerId, capacity, false);
        }
    }

    /**
     * @param slots waiting workers, most preferred first
     * @return the assignments per worker id (only workers that got some)
     */
    public Map<String, List<Assignment>> assign(String appName, long epoch, List<Slot> slots, Instant now) {
        return assign(appName, epoch, slots, now, 0);
    }

    /**
     * @param startMarginMillis how far {@code now} may be ahead of the database's time: a worker that starts on time
     *     is told to start that much after the due time by {@code now}, so that it never starts before the due time
     */
    public Map<String, List<Assignment>> assign(
            String appName, long epoch, List<Slot> slots, Instant now, long startMarginMillis) {
        // summed as a long and capped: workers' capacities must not overflow into "no work" (or a negative limit)
        int capacity = (int) Math.min(
                Math.min(MAX_PER_CALL, handedOut.room(appName)),
                slots.stream().mapToLong(s -> Math.max(0, s.capacity())).sum());
        Plan plan = new Plan(appName, epoch, slots, capacity, now, startMarginMillis);
        if (capacity == 0) {
            return plan.assignments;
        }
        Set<Long> handed = handedOut.ids(appName);
        // one look a recheck period ahead: what becomes due before the next periodic look is dispatched on the
        // tick a lead before its due time, not up to a whole period late (runs asked for at an instant)
        int limit = capacity + handed.size();
        List<DueAttempt> found = metrics.timed(
                SchedulerMetrics.DbCall.FIND_DUE,
                () -> instances.findDue(appName, now.plusMillis(DueWork.RECHECK_MILLIS), limit));
        Instant until = plan.handsOutUntil();
        Set<Long> seen = new HashSet<>(handed);
        int unplaced = plan.place(dueBy(found, seen, until));
        if (unplaced > 0 && !plan.full() && found.size() == limit) {
            // routing kept some instances back: look further, so that they do not hold up the ones behind them
            plan.place(dueBy(instances.findDue(appName, until, limit + unplaced + LOOK_FURTHER), seen, until));
        }
        plan.record();
        // what is due and still waiting after this hand-out, from the rows just read (at most the limit read)
        metrics.dueWaiting(appName, (int) found.stream()
                .filter(i -> !i.dueAt().isAfter(now) && !handed.contains(i.instanceId()) && !plan.gave(i.instanceId()))
                .count());
        found.stream()
                .filter(i -> i.dueAt().isAfter(now) && !handed.contains(i.instanceId()) && !plan.gave(i.instanceId()))
                .findFirst()
                .ifPresent(next -> dueWork.workDueAt(appName, nextLook(next.dueAt(), now)));
        return plan.assignments;
    }

    /**
     * When to look again for work due at {@code dueAt}: a lead before it, so that it can be handed out ahead; at its
     * due time if that has passed (it was within the lead and no worker that starts on time could take it: looking
     * again at once would only find the same).
     */
    private Instant nextLook(Instant dueAt, Instant now) {
        Instant ahead = dueAt.minusMillis(leadMillis);
        return ahead.isAfter(now) ? ahead : dueAt;
    }

    private static List<DueAttempt> dueBy(List<DueAttempt> found, Set<Long> seen, Instant until) {
        List<DueAttempt> due = new ArrayList<>();
        for (DueAttempt i : found) {
            if (!i.dueAt().isAfter(until) && seen.add(i.instanceId())) {
                due.add(i);
            }
        }
        return due;
    }

    /** One call's hand-out: who has been given what, and how much room is left. */
    private final class Plan {

        private final String appName;
        private final long epoch;
        private final Instant now;
        private final long startMarginMillis;
        private final boolean anyOnTime;
        private int room;
        private final WorkerCandidates candidates;
        private final Set<Long> gave = new HashSet<>();
        private final Map<Long, Job> jobsById = new HashMap<>();
        private final Map<Long, Set<String>> usingWorkers = new HashMap<>();
        private final Map<Long, List<String>> eligibleLive = new HashMap<>();
        private final Map<String, Map<Long, List<Attempt>>> handing = new HashMap<>();
        private final Map<String, WorkerStatus> statuses = new HashMap<>();
        final Map<String, List<Assignment>> assignments = new LinkedHashMap<>();

        Plan(String appName, long epoch, List<Slot> slots, int room, Instant now, long startMarginMillis) {
            this.appName = appName;
            this.epoch = epoch;
            this.now = now;
            this.startMarginMillis = startMarginMillis;
            this.anyOnTime = slots.stream().anyMatch(Slot::startsOnTime);
            this.room = room;
            this.candidates = new WorkerCandidates(slots, this::status);
        }

        boolean full() {
            return room <= 0;
        }

        /** Work due by then may be handed out now: a lead ahead when some waiting worker starts work on time. */
        Instant handsOutUntil() {
            return anyOnTime ? now.plusMillis(leadMillis) : now;
        }

        boolean gave(long instanceId) {
            return gave.contains(instanceId);
        }

        /** Places what it can; returns how many it could not place. */
        int place(List<DueAttempt> due) {
            int unplaced = 0;
            for (DueAttempt instance : due) {
                if (full()) {
                    break;
                }
                Job job = jobsById.computeIfAbsent(
                        instance.jobId(), id -> jobs.find(appName, id).orElseThrow());
                boolean ahead = instance.dueAt().isAfter(now);
                Set<String> using = job.routing().maxWorkers().isPresent() ? using(job) : Set.of();
                var worker = picker.pick(
                        job.routing().strategy(),
                        job.id(),
                        instance.parameters(),
                        candidates.of(job, ahead, using),
                        eligibleLive(job));
                if (worker.isEmpty()) {
                    unplaced++;
                    continue;
                }
                give(worker.get(), job, instance);
            }
            return unplaced;
        }

        private WorkerStatus status(String workerId) {
            return statuses.computeIfAbsent(workerId, w -> workers.status(appName, w));
        }

        /** The workers that run the job's instances or were handed some: those a maxWorkers limit counts. */
        private Set<String> using(Job job) {
            return usingWorkers.computeIfAbsent(job.id(), id -> {
                Set<String> using = new HashSet<>(instances.workersRunning(id));
                using.addAll(handedOut.workersOf(appName, id));
                return using;
            });
        }

        /** The app's live workers that may run the job, whether waiting or not: what turns and hashes go over. */
        private List<String> eligibleLive(Job job) {
            DispatchStrategy s = job.routing().strategy();
            if (s != DispatchStrategy.ROUND_ROBIN && s != DispatchStrategy.CONSISTENT_HASH) {
                return List.of();
            }
            return eligibleLive.computeIfAbsent(job.id(), id -> workers.live(appName, missedHeartbeats).stream()
                    .filter(w -> Eligibility.whyNot(w, job.processor(), job.routing())
                            .isEmpty())
                    .map(WorkerStatus::workerId)
                    .toList());
        }

        private void give(String workerId, Job job, DueAttempt instance) {
            room--;
            gave.add(instance.instanceId());
            if (job.routing().maxWorkers().isPresent()) {
                using(job).add(workerId);
            }
            candidates.given(workerId, job);
            handing.computeIfAbsent(workerId, w -> new HashMap<>())
                    .computeIfAbsent(job.id(), j -> new ArrayList<>())
                    .add(new Attempt(instance.instanceId(), instance.attempt()));
            boolean onTime = candidates.startsOnTime(workerId);
            Long startIn = startIn(instance.dueAt());
            assignments
                    .computeIfAbsent(workerId, w -> new ArrayList<>())
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
                            job.attemptTimeout().map(Duration::toMillis).orElse(null),
                            job.logsLocal() ? Boolean.TRUE : null,
                            onTime ? startIn : null,
                            onTime && startIn != null ? startAt(instance.dueAt()) : null));
        }

        /**
         * How long after the assignment arrives its processor starts: until the due time, plus the clock's margin,
         * rounded up (a processor must never start before its due time); null when that is no time at all.
         */
        private Long startIn(Instant dueAt) {
            long nanos = Duration.between(now, dueAt).toNanos() + startMarginMillis * 1_000_000;
            return nanos <= 0 ? null : (nanos + 999_999) / 1_000_000;
        }

        /** The same start instant on this server's clock: the due time plus the clock's margin. */
        private Instant startAt(Instant dueAt) {
            return dueAt.plusMillis(startMarginMillis);
        }

        void record() {
            handing.forEach((worker, byJob) ->
                    byJob.forEach((jobId, attempts) -> handedOut.record(appName, worker, attempts, jobId)));
        }
    }
}
