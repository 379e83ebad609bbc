package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Finds an app's work that a worker will never finish or claim: hand-outs to a lost worker (or older than the
 * back-stop) are freed to be handed out again; attempts running on a worker that stopped sending heartbeats are
 * retried per their job's retry policy ({@link RetryFailures}) or recorded FAILED, fenced like every owner's write.
 */
@ApplicationScoped
public class RecoverLostWork {

    private static final Logger LOG = Logger.getLogger(RecoverLostWork.class.getName());

    private OwnerFence fence;
    private InstanceRepository instances;
    private WorkerRegistry workers;
    private HandedOut handedOut;
    private SchedulerSettings settings;
    private MonotonicClock clock;
    private RetryFailures retries;
    private final Map<String, Long> lastFullLook = new ConcurrentHashMap<>();

    /** How often an app's running work is looked at when no known worker fell silent. */
    static final long FULL_LOOK_MILLIS = 30_000;

    protected RecoverLostWork() {}

    @Inject
    public RecoverLostWork(
            OwnerFence fence,
            InstanceRepository instances,
            WorkerRegistry workers,
            HandedOut handedOut,
            SchedulerSettings settings,
            DatabaseClock clock,
            RetryFailures retries) {
        this.fence = fence;
        this.instances = instances;
        this.workers = workers;
        this.handedOut = handedOut;
        this.settings = settings;
        this.clock = clock.monotonic();
        this.retries = retries;
    }

    /**
     * @param heldForMillis how long this server has owned the app: a worker that has not heartbeated to this server
     *     yet is only lost once it had the whole worker timeout to find it; one that did, once it missed its heartbeats
     * @return how many hand-outs were freed
     */
    @Transactional
    public int recover(String appName, long epoch, long heldForMillis) {
        // a worker this server heard from is lost once it missed its heartbeats; one it never heard from (the app was
        // taken over, the worker is still finding the new owner) only once the app was held for the whole timeout
        int missed = settings.missedHeartbeats();
        boolean settled = heldForMillis >= settings.workerTimeoutMillis();
        Predicate<String> alive =
                worker -> workers.knows(appName, worker) ? workers.isLive(appName, worker, missed) : !settled;
        int freed = handedOut.releaseStale(appName, settings.handOutMillis(), alive);
        if (freed > 0) {
            LOG.info(() -> freed + " instance(s) of app " + appName + " handed out to lost workers, or "
                    + settings.handOutMillis() + " ms ago, were not claimed; handing them out again");
        }
        Set<String> silent = workers.lost(appName, missed);
        if (!settled && silent.isEmpty()) {
            return freed;
        }
        // running work is looked at once the app is settled here, when a known worker falls silent, and every
        // FULL_LOOK_MILLIS (workers that never reached this server): an idle app costs no query a second
        long now = clock.millis();
        Long lastLook = lastFullLook.get(appName);
        boolean fullLook = settled && (lastLook == null || now - lastLook >= FULL_LOOK_MILLIS);
        if (silent.isEmpty() && !fullLook) {
            return freed;
        }
        List<AttemptSnapshot> lost = instances.findRunning(appName).stream()
                .filter(i -> !alive.test(i.workerId()))
                .toList();
        if (fullLook) {
            lastFullLook.put(appName, now);
        }
        if (lost.isEmpty()) {
            workers.forgetLost(appName, silent, missed);
            return freed; // most calls: no write, no lock
        }
        for (AttemptSnapshot running : lost) {
            Attempt attempt = new Attempt(running.instanceId(), running.attempt());
            String reason = "worker " + running.workerId() + " stopped sending heartbeats"
                    + (workers.knows(appName, running.workerId())
                            ? " (missed " + missed + ")"
                            : " (never reached this owner since it took the app over)");
            RetryFailures.Verdict verdict =
                    retries.afterFailure(appName, attempt, running.workerId(), AttemptEnd.WORKER_LOST, reason, true);
            if (!verdict.retried()) {
                instances.failRunning(
                        attempt,
                        running.workerId(),
                        verdict.note() == null ? reason : reason + " (" + verdict.note() + ")");
            }
        }
        fence.hold(appName, epoch);
        workers.forgetLost(appName, silent, missed);
        return freed;
    }

    /** This server no longer holds the app: the next time it does, running work is looked at afresh. */
    public void forget(String appName) {
        lastFullLook.remove(appName);
    }
}
