package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releases BUFFERED fires whose job has room again (fewer than {@code maxConcurrent} earlier fires going), oldest
 * first, in one transaction fenced by the app's epoch. Run by the owner once a second for the apps that may have
 * some ({@link BufferedApps}).
 */
@ApplicationScoped
public class ReleaseBuffered {

    private static final int MAX_PER_CALL = 500;

    private OwnerFence fence;
    private JobRepository jobs;
    private InstanceRepository instances;

    protected ReleaseBuffered() {}

    @Inject
    public ReleaseBuffered(OwnerFence fence, JobRepository jobs, InstanceRepository instances) {
        this.fence = fence;
        this.jobs = jobs;
        this.instances = instances;
    }

    /** What a call did: how many fires it released, and whether buffered fires remain. */
    public record Released(int released, boolean left) {}

    @Transactional
    public Released release(String appName, long epoch) {
        List<JobInstance> buffered = instances.findBuffered(appName, MAX_PER_CALL);
        if (buffered.isEmpty()) {
            return new Released(0, false);
        }
        Map<Long, List<JobInstance>> byJob = new LinkedHashMap<>();
        buffered.forEach(i -> byJob.computeIfAbsent(i.jobId(), j -> new java.util.ArrayList<>())
                .add(i));
        int released = 0;
        for (Map.Entry<Long, List<JobInstance>> entry : byJob.entrySet()) {
            List<JobInstance> waiting = entry.getValue();
            Job job = jobs.find(appName, entry.getKey()).orElseThrow();
            long going = instances.findGoing(appName, job.id(), waiting.get(0).fireTime()).stream()
                    .filter(i -> i.state() != InstanceState.BUFFERED)
                    .count();
            for (int i = 0; i < waiting.size() && going < job.policies().maxConcurrent(); i++, going++) {
                if (instances.release(waiting.get(i).id())) {
                    released++;
                }
            }
        }
        fence.hold(appName, epoch);
        return new Released(released, released < buffered.size());
    }
}
