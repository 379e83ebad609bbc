package io.campanile.scheduler.application;

import io.campanile.api.OverlapPolicy;
import io.campanile.scheduler.application.SchedulerMetrics.SkipReason;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.job.Misfire;
import io.campanile.scheduler.domain.schedule.Schedule;
import io.campanile.scheduler.domain.schedule.WallClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Creates one WAITING instance for every fire time of an app's scheduled jobs due up to a short look-ahead (at their
 * time for jobs with an overlap policy), and
 * moves each job's next fire time on, in one transaction fenced by the app's epoch: instances are written ahead
 * and dispatched at their exact time ({@link AssignWork} hands out only what is due). Missed fire times (after a
 * failover, say) are all created, oldest first, at most {@code maxCatchUpFires} per job per call.
 */
@ApplicationScoped
public class FireDueJobs {

    private static final Logger LOG = Logger.getLogger(FireDueJobs.class.getName());
    private static final int MAX_JOBS_PER_CALL = 500;

    private OwnerFence fence;
    private JobRepository jobs;
    private InstanceRepository instances;
    private SchedulerSettings settings;
    private FixedDelayFires fixedDelays;
    private OverlapGate overlap;

    protected FireDueJobs() {}

    @Inject
    public FireDueJobs(
            OwnerFence fence,
            JobRepository jobs,
            InstanceRepository instances,
            SchedulerSettings settings,
            FixedDelayFires fixedDelays,
            OverlapGate overlap) {
        this.fence = fence;
        this.jobs = jobs;
        this.instances = instances;
        this.settings = settings;
        this.fixedDelays = fixedDelays;
        this.overlap = overlap;
    }

    /**
     * What a call did: how many instances it created, the app's next fire time (null: none), and when to look at the
     * app's jobs again (null: no fire time is known).
     */
    public record Fired(int created, Instant nextFireTime, Instant lookAgainAt, Map<SkipReason, Integer> skipped) {

        public Fired(int created, Instant nextFireTime, Instant lookAgainAt) {
            this(created, nextFireTime, lookAgainAt, Map.of());
        }
    }

    /**
     * Creates the fires due up to {@code now} plus the look-ahead. A job whose overlap policy is not ALLOW is fired
     * at its time, not ahead of it: whether its earlier fires are still going is decided when it is due, so that a
     * run that ends in the last half second is not taken for an overlap (and CANCEL_RUNNING cancels nothing early).
     */
    @Transactional
    public Fired fire(String appName, long epoch, Instant now) {
        Instant horizon = now.plusMillis(settings.lookAheadMillis());
        Instant next = jobs.earliestNextFire(appName).orElse(null);
        if (next == null || next.isAfter(horizon)) {
            return new Fired(0, next, lookAgain(next, now)); // no write, no lock
        }
        List<Job> due = jobs.findDue(appName, horizon, MAX_JOBS_PER_CALL);
        int created = 0;
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        Instant heldBack = null;
        for (Job job : due) {
            boolean ahead = writtenAhead(job);
            created += fire(job, epoch, now, ahead ? horizon : now, skipped);
            Instant waiting = ahead ? null : dueBy(job, horizon);
            if (waiting != null && (heldBack == null || waiting.isBefore(heldBack))) {
                heldBack = waiting;
            }
        }
        Instant following = jobs.earliestNextFire(appName).orElse(null);
        fence.hold(appName, epoch);
        boolean heldFirst = heldBack != null && following != null && !following.isBefore(heldBack);
        return new Fired(created, following, heldFirst ? heldBack : lookAgain(following, now), skipped);
    }

    /** Whether the job's fires are written up to the look-ahead before their time. */
    private static boolean writtenAhead(Job job) {
        return job.policies().overlapPolicy() == OverlapPolicy.ALLOW;
    }

    /**
     * When to look at the app's jobs again for its next fire time: a look-ahead before it, but not sooner than half a
     * look-ahead from now. Looked at one look-ahead before each fire, an app of fires close together (one every
     * 20 ms) had a firing transaction every 20 ms, mostly in the tick that dispatched the fire before it; so fires are
     * written in batches, each at least half a look-ahead before its time. A fire time already within the look-ahead
     * (a call stopped at its limits) is looked at again at once.
     */
    private Instant lookAgain(Instant fireTime, Instant now) {
        if (fireTime == null) {
            return null;
        }
        Instant ahead = fireTime.minusMillis(settings.lookAheadMillis());
        Instant batched = now.plusMillis(settings.lookAheadMillis() / 2);
        return ahead.isAfter(now) && ahead.isBefore(batched) ? batched : ahead;
    }

    /**
     * Creates the job's due fires, and records as SKIPPED the fire times its schedule skipped before each (local
     * times in a daylight-saving gap under the SKIP rule) and the missed ones its misfire policy does not run. A
     * job whose schedule cannot be computed must not stop its app: it alone stops firing, with the reason recorded
     * and logged once; the fires created before the failure stay (they are real fire times).
     */
    private int fire(Job job, long epoch, Instant now, Instant horizon, Map<SkipReason, Integer> skipped) {
        int created = 0;
        try {
            Schedule schedule = job.schedule().orElse(null);
            if (schedule != null && FixedDelayFires.applies(job)) {
                return fireAfterPrevious(job, schedule, epoch, now, horizon);
            }
            Instant missedBefore = now.minusMillis(settings.misfireThresholdMillis());
            Misfire misfire = null;
            for (int n = 0; schedule != null && n < settings.maxCatchUpFires(); n++) {
                Instant fire = dueBy(job, horizon);
                if (fire == null) {
                    break;
                }
                for (WallClock.Resolved gap : skippedBefore(job, schedule, fire)) {
                    instances.add(JobInstance.skipped(job, gap, epoch, fence.ownerId(), now));
                    skipped.merge(SkipReason.DST_GAP, 1, Integer::sum);
                }
                if (fire.isBefore(missedBefore) && misfire == null) {
                    misfire = Misfire.plan(
                            job.policies().misfirePolicy(),
                            job.policies().catchUpWindow().orElse(null),
                            schedule,
                            missedBefore,
                            now);
                }
                if (misfire != null && misfire.skips(fire)) {
                    instances.add(JobInstance.missed(job, fire, misfire.reason(), epoch, fence.ownerId(), now));
                    skipped.merge(SkipReason.MISFIRE, 1, Integer::sum);
                } else {
                    created += admit(job, fire, epoch, now, skipped);
                }
                job.advancePast(fire, schedule);
            }
            if (misfire != null) {
                skipTheRest(job, schedule, misfire, epoch, now, skipped);
            }
        } catch (RuntimeException e) {
            job.suspendSchedule(e.getMessage() != null ? e.getMessage() : e.toString());
            LOG.warning(() -> "Job " + job.name() + " of app " + job.appName() + " no longer fires: "
                    + job.scheduleError().orElse(""));
        }
        return created;
    }

    /**
     * A FIXED_DELAY job fires once its previous fire ended, one fire at a time; late if its owner was away then
     * (no fire time of it is missed: each follows the end of the one before).
     */
    private int fireAfterPrevious(Job job, Schedule schedule, long epoch, Instant now, Instant horizon) {
        fixedDelays.settle(job, now);
        Instant fire = dueBy(job, horizon);
        if (fire == null) {
            return 0;
        }
        instances.add(JobInstance.scheduled(job, fire, epoch, fence.ownerId(), now));
        job.advancePast(fire, schedule);
        return 1;
    }

    /** Writes the fire as its job's overlap policy admits it; returns 1 if it waits to be dispatched. */
    private int admit(Job job, Instant fire, long epoch, Instant now, Map<SkipReason, Integer> skipped) {
        OverlapGate.Admission admission = overlap.admit(job, fire);
        switch (admission.state()) {
            case BUFFERED -> instances.add(JobInstance.buffered(job, fire, epoch, fence.ownerId(), now));
            case SKIPPED -> {
                instances.add(JobInstance.overlapped(job, fire, admission.reason(), epoch, fence.ownerId(), now));
                skipped.merge(SkipReason.OVERLAP, 1, Integer::sum);
            }
            default -> {
                instances.add(JobInstance.scheduled(job, fire, epoch, fence.ownerId(), now));
                return 1;
            }
        }
        return 0;
    }

    private static Instant dueBy(Job job, Instant horizon) {
        return job.nextFireTime().filter(t -> !t.isAfter(horizon)).orElse(null);
    }

    /**
     * A run of missed fire times longer than one call records one by one (a job paused for a month, say): the rest
     * of them is recorded as one row, and the job moves past them.
     */
    private void skipTheRest(
            Job job, Schedule schedule, Misfire misfire, long epoch, Instant now, Map<SkipReason, Integer> skipped) {
        Instant next = job.nextFireTime().orElse(null);
        if (next != null && misfire.skips(next)) {
            instances.add(JobInstance.missedRun(
                    job, next, misfire.skipUntil(), misfire.reason(), epoch, fence.ownerId(), now));
            job.advancePast(misfire.skipUntil().minusNanos(1), schedule);
            skipped.merge(SkipReason.MISFIRE, 1, Integer::sum); // one row for the whole run of missed fires
        }
    }

    /** The times skipped between the last fire accounted for and {@code fire}. */
    private static List<WallClock.Resolved> skippedBefore(Job job, Schedule schedule, Instant fire) {
        return schedule.nextAfter(job.accountedThrough())
                .map(next -> next.skipped().stream()
                        .filter(s -> s.at().isBefore(fire) || s.at().equals(fire))
                        .toList())
                .orElse(List.of());
    }
}
