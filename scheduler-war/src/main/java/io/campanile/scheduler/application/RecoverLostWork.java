package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds an app's work that a worker will never finish: dispatched but never acknowledged (the
 * worker never got it, or died) goes back to WAITING as the next attempt; running on a worker that
 * stopped sending heartbeats is recorded FAILED. Fenced like every owner's write.
 */
@ApplicationScoped
public class RecoverLostWork {

    private static final Logger LOG = Logger.getLogger(RecoverLostWork.class.getName());

    private OwnerFence fence;
    private InstanceRepository instances;
    private WorkerRegistry workers;
    private SchedulerSettings settings;

    protected RecoverLostWork() {}

    @Inject
    public RecoverLostWork(
            OwnerFence fence, InstanceRepository instances, WorkerRegistry workers, SchedulerSettings settings) {
        this.fence = fence;
        this.instances = instances;
        this.workers = workers;
        this.settings = settings;
    }

    /**
     * @param heldForMillis how long this server has owned the app: a worker that has not heartbeated
     *     to this server yet is only lost once it had the whole timeout to find it
     * @return how many instances went back to WAITING
     */
    @Transactional
    public int recover(String appName, long epoch, long heldForMillis) {
        boolean unacknowledged = instances.hasUnacknowledged(appName, settings.ackTimeoutMillis());
        List<JobInstance> lost = heldForMillis < settings.workerTimeoutMillis()
                ? List.of()
                : instances.findRunning(appName).stream()
                        .filter(i -> !workers.isAlive(appName, i.workerId(), settings.workerTimeoutMillis()))
                        .toList();
        if (!unacknowledged && lost.isEmpty()) {
            return 0; // most calls: no write, no lock
        }
        fence.hold(appName, epoch);
        int retried = unacknowledged ? instances.retryUnacknowledged(appName, settings.ackTimeoutMillis()) : 0;
        if (retried > 0) {
            LOG.warning(() -> retried + " dispatched instance(s) of app " + appName
                    + " were not acknowledged; dispatching them again as their next attempt");
        }
        for (JobInstance running : lost) {
            instances.applyReport(
                    running.id(),
                    running.attempt(),
                    InstanceState.FAILED,
                    running.workerId(),
                    "worker " + running.workerId() + " stopped sending heartbeats");
        }
        return retried;
    }
}
