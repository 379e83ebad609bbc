package io.campanile.scheduler.application;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's half of run requests: one instance per request id, fenced by the app's epoch (the fence is the
 * last statement, see {@link OwnerFence}). A batch is one transaction with one fence and set-based inserts: all
 * of its runs or none.
 */
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

    /** @param request checked, with its request id */
    @Transactional
    public Created create(Job job, long epoch, RunRequest request) {
        var existing = instances.findByFireKey(job.id(), fireKey(request));
        if (existing.isPresent()) {
            fence.hold(job.appName(), epoch);
            return new Created(Views.of(existing.get(), job.name()), false);
        }
        JobInstance instance = instance(job, epoch, request, clock.instant());
        instances.add(instance);
        fence.hold(job.appName(), epoch);
        return new Created(Views.of(instance, job.name()), true);
    }

    /** @param requests checked, each with its own request id */
    @Transactional
    public RunBatchAnswer createBatch(Job job, long epoch, List<RunRequest> requests) {
        Map<String, Long> existing = instances.idsByFireKey(
                job.id(), requests.stream().map(CreateRun::fireKey).toList());
        Instant now = clock.instant();
        Map<String, JobInstance> created = new LinkedHashMap<>();
        for (RunRequest request : requests) {
            String key = fireKey(request);
            if (!existing.containsKey(key)) {
                created.put(key, instance(job, epoch, request, now));
            }
        }
        instances.addAll(List.copyOf(created.values()));
        fence.hold(job.appName(), epoch);
        List<Long> ids = requests.stream()
                .map(CreateRun::fireKey)
                .map(key -> existing.containsKey(key)
                        ? existing.get(key)
                        : created.get(key).id())
                .toList();
        return new RunBatchAnswer(created.size(), requests.size() - created.size(), ids);
    }

    private JobInstance instance(Job job, long epoch, RunRequest request, Instant now) {
        Instant fireTime = request.at() != null
                ? request.at()
                : now.plusSeconds(request.delaySeconds() == null ? 0 : request.delaySeconds());
        return JobInstance.requested(
                job, request.requestId(), fireTime, request.parameters(), epoch, fence.ownerId(), now);
    }

    private static String fireKey(RunRequest request) {
        return JobInstance.requestKey(request.requestId());
    }
}
