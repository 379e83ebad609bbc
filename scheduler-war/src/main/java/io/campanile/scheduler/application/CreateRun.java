package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import io.campanile.scheduler.domain.election.ServerIdentity;
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

    private OwnershipRepository ownership;
    private InstanceRepository instances;
    private ServerIdentity me;
    private Clock clock;

    protected CreateRun() {
    }

    @Inject
    public CreateRun(OwnershipRepository ownership, InstanceRepository instances, ServerIdentity me,
            DatabaseClock clock) {
        this.ownership = ownership;
        this.instances = instances;
        this.me = me;
        this.clock = clock;
    }

    /** The created instance, or the one an earlier request with the same id created. */
    public record Created(InstanceView instance, boolean isNew) {
    }

    @Transactional
    public Created create(Job job, long epoch, String requestId, String parameters, long delaySeconds) {
        if (!ownership.fence(job.appName(), me.id(), epoch)) {
            throw new FencedOut(job.appName(), epoch);
        }
        var existing = instances.findByFireKey(job.id(), "api:" + requestId);
        if (existing.isPresent()) {
            return new Created(Views.of(existing.get(), job.name()), false);
        }
        Instant now = clock.instant();
        JobInstance instance = JobInstance.requested(job, requestId, now.plusSeconds(delaySeconds), parameters, epoch,
                me.id(), now);
        instances.add(instance);
        return new Created(Views.of(instance, job.name()), true);
    }
}
