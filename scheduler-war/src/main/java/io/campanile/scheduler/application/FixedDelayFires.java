package io.campanile.scheduler.application;

import io.campanile.api.ScheduleType;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.schedule.FixedDelay;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a FIXED_DELAY job fires: its delay after its previous fire's final attempt ended. The job's stored next fire
 * time is the earliest that can be (its delay after the previous fire time); when the owner comes to it, this looks
 * at the previous fire: still going, the owner looks again a little later (at most a second, at most the delay);
 * ended, the next fire time becomes its end plus the delay. One read of one instance by its unique key, and only
 * for these jobs.
 */
@ApplicationScoped
public class FixedDelayFires {

    private static final Duration MAX_LOOK = Duration.ofSeconds(1);
    private static final Duration MIN_LOOK = Duration.ofMillis(100);

    private InstanceRepository instances;

    protected FixedDelayFires() {}

    @Inject
    public FixedDelayFires(InstanceRepository instances) {
        this.instances = instances;
    }

    public static boolean applies(Job job) {
        return job.scheduleType() == ScheduleType.FIXED_DELAY;
    }

    /**
     * Moves the job's next fire time to its previous fire's end plus the delay, or, while that fire is still going,
     * to the owner's next look; the job may fire when its next fire time is then due.
     */
    public void settle(Job job, Instant now) {
        ScheduleSpec spec = job.spec();
        FixedDelay delay = new FixedDelay(spec.interval(), spec.startAt(), spec.zone());
        Instant last = job.lastFireTime().orElse(null);
        if (last == null) {
            return; // the first fire: at its time
        }
        Optional<JobInstance> previous = instances.findByFireKey(job.id(), JobInstance.scheduledKey(last));
        if (previous.isPresent() && !previous.get().state().isTerminal()) {
            job.lookAgainAt(now.plus(look(delay.delay())));
            return;
        }
        Instant ended = previous.map(JobInstance::finishedAt).orElse(last);
        job.followEnd(ended != null ? ended : last, delay);
    }

    private static Duration look(Duration delay) {
        return delay.compareTo(MAX_LOOK) > 0 ? MAX_LOOK : delay.compareTo(MIN_LOOK) < 0 ? MIN_LOOK : delay;
    }
}
