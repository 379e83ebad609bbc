package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.api.OverlapPolicy;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A job's overlap policy applied to a new fire, when the owner writes it at its time (such jobs are not written
 * ahead, see {@link FireDueJobs}):
 * the fire overlaps when {@code maxConcurrent} earlier fires of the job are still going (waiting, buffered or
 * running). Under ALLOW nothing is read; otherwise one query of the job's fires still going.
 */
@ApplicationScoped
public class OverlapGate {

    private static final int IDS_SHOWN = 5;

    private InstanceRepository instances;
    private BufferedApps buffered;

    protected OverlapGate() {}

    @Inject
    public OverlapGate(InstanceRepository instances, BufferedApps buffered) {
        this.instances = instances;
        this.buffered = buffered;
    }

    /** What becomes of a fire: it runs, waits in the buffer, or is skipped with a reason. */
    public record Admission(InstanceState state, String reason) {

        static final Admission RUN = new Admission(InstanceState.WAITING, null);
        static final Admission BUFFER = new Admission(InstanceState.BUFFERED, null);

        static Admission skip(String reason) {
            return new Admission(InstanceState.SKIPPED, reason);
        }
    }

    /** Applies the job's overlap policy to its fire at {@code fire}; cancels earlier fires under CANCEL_RUNNING. */
    public Admission admit(Job job, Instant fire) {
        if (job.policies().overlapPolicy() == OverlapPolicy.ALLOW) {
            return Admission.RUN;
        }
        List<JobInstance> going = instances.findGoing(job.appName(), job.id(), fire);
        if (going.size() < job.policies().maxConcurrent()) {
            return Admission.RUN;
        }
        String earlier = going.size() + " earlier fire(s) of the job still going (instance " + ids(going) + ")";
        return switch (job.policies().overlapPolicy()) {
            case ALLOW -> Admission.RUN;
            case SKIP -> Admission.skip(earlier + "; overlap policy SKIP");
            case BUFFER_ONE -> going.stream()
                    .filter(i -> i.state() == InstanceState.BUFFERED)
                    .findFirst()
                    .map(b -> Admission.skip("instance " + b.id() + " is already buffered behind " + earlier
                            + "; overlap policy BUFFER_ONE"))
                    .orElseGet(() -> bufferFor(job));
            case BUFFER_ALL -> bufferFor(job);
            case CANCEL_RUNNING -> {
                for (JobInstance instance : going) {
                    instances.cancel(
                            instance.id(), "cancelled by the fire at " + fire + " (overlap policy CANCEL_RUNNING)");
                }
                yield Admission.RUN;
            }
        };
    }

    private Admission bufferFor(Job job) {
        buffered.mark(job.appName());
        return Admission.BUFFER;
    }

    private static String ids(List<JobInstance> going) {
        String shown =
                going.stream().limit(IDS_SHOWN).map(i -> String.valueOf(i.id())).collect(Collectors.joining(", "));
        return going.size() > IDS_SHOWN ? shown + ", ..." : shown;
    }
}
