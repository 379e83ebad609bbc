package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Finds an app's work that a worker will never finish or claim: hand-outs to a lost worker (or older than the
 * back-stop) are freed to be handed out again; attempts running on a worker that stopped sending heartbeats are
 * recorded FAILED, fenced like every owner's write.
 */
@ApplicationScoped
public class RecoverLostWork {

    private static final Logger LOG = Logger.getLogger(RecoverLostWork.class.getName());

    private OwnerFence fence;
    private InstanceRepository instances;
    private WorkerRegistry workers;
    private HandedOut handedOut;
    private SchedulerSettings settings;

    protected RecoverLostWork() {}

    @Inject
    public RecoverLostWork(
            OwnerFence fence,
            InstanceRepository instances,
            WorkerRegistry workers,
            HandedOut handedOut,
            SchedulerSettings settings) {
        this.fence = fence;
        this.instances = instances;
        this.workers = workers;
        this.handedOut = handedOut;
        this.settings = settings;
    }

    /**
     * @param heldForMillis how long this server has owned the app: a worker that has not heartbeated
     *     to this server yet is only lost once it had the whole timeout to find it
     * @return how many hand-outs were freed
     */
    @Transactional
    public int recover(String appName, long epoch, long heldForMillis) {
        boolean settled = heldForMillis >= settings.workerTimeoutMillis();
        Predicate<String> alive =
                worker -> !settled || workers.isAlive(appName, worker, settings.workerTimeoutMillis());
        int freed = handedOut.releaseStale(appName, settings.handOutMillis(), alive);
        if (freed > 0) {
            LOG.info(() -> freed + " instance(s) of app " + appName + " handed out to lost workers, or "
                    + settings.handOutMillis() + " ms ago, were not claimed; handing them out again");
        }
        List<JobInstance> lost = !settled
                ? List.of()
                : instances.findRunning(appName).stream()
                        .filter(i -> !alive.test(i.workerId()))
                        .toList();
        if (lost.isEmpty()) {
            return freed; // most calls: no write, no lock
        }
        for (JobInstance running : lost) {
            instances.failRunning(
                    new Attempt(running.id(), running.attempt()),
                    running.workerId(),
                    "worker " + running.workerId() + " stopped sending heartbeats");
        }
        fence.hold(appName, epoch);
        return freed;
    }
}
