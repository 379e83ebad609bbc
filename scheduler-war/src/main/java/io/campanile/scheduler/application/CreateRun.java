package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** The owner's half of a run request: one instance per request id, fenced by the app's epoch. */
@ApplicationScoped
public class CreateRun {

    private OwnerFence fence;
    private InstanceRepository instances;
    private Clock clock;

    protected CreateRun() {}

    @Inject
    public CreateRun(OwnerFence fence, InstanceRepository instances, DatabaseClock clock) {
        this.fence = fence;
        this.instances = instances;
        this.clock = clock;
    }

    /** The created instance, or the one an earlier request with the same id created. */
    public record Created(InstanceView instance, boolean isNew) {}

    @Transactional
    public Created create(Job job, long epoch, String requestId, String parameters, long delaySeconds) {
        fence.hold(job.appName(), epoch);
        var existing = instances.findByFireKey(job.id(), "api:" + requestId);
        if (existing.isPresent()) {
            return new Created(Views.of(existing.get(), job.name()), false);
        }
        Instant now = clock.instant();
        JobInstance instance = JobInstance.requested(
                job, requestId, now.plusSeconds(delaySeconds), parameters, epoch, fence.ownerId(), now);
        instances.add(instance);
        return new Created(Views.of(instance, job.name()), true);
    }
}
