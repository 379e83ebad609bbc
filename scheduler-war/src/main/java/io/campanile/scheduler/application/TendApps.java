package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.election.HeldApps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The owner's once-a-second care of an app it holds: work lost with a worker goes back to waiting, fires buffered
 * by their job's overlap policy are released when there is room, instances no live worker may run end FAILED with
 * the reason, and what the owner sees of the app's workers is published.
 */
@ApplicationScoped
public class TendApps {

    private RecoverLostWork recoverLostWork;
    private PublishWorkers publishWorkers;
    private DueWork dueWork;
    private HeldApps held;
    private ReleaseBuffered releaseBuffered;
    private BufferedApps bufferedApps;
    private UnplaceableWork unplaceableWork;
    private CleanRunLogs cleanRunLogs;

    protected TendApps() {}

    @Inject
    public TendApps(
            RecoverLostWork recoverLostWork,
            PublishWorkers publishWorkers,
            DueWork dueWork,
            HeldApps held,
            ReleaseBuffered releaseBuffered,
            BufferedApps bufferedApps,
            UnplaceableWork unplaceableWork,
            CleanRunLogs cleanRunLogs) {
        this.recoverLostWork = recoverLostWork;
        this.publishWorkers = publishWorkers;
        this.dueWork = dueWork;
        this.held = held;
        this.releaseBuffered = releaseBuffered;
        this.bufferedApps = bufferedApps;
        this.unplaceableWork = unplaceableWork;
        this.cleanRunLogs = cleanRunLogs;
    }

    /** Not of one app: run logs past their retention go, a few at a time, on every server. */
    public void cleanRunLogs() {
        cleanRunLogs.clean();
    }

    public void releaseBuffered(String app, long epoch) {
        if (!bufferedApps.mayHave(app, epoch)) {
            return;
        }
        ReleaseBuffered.Released released = releaseBuffered.release(app, epoch);
        bufferedApps.looked(app, epoch, released.left());
        if (released.released() > 0) {
            dueWork.workWaiting(app);
        }
    }

    public void recoverLostWork(String app, long epoch) {
        if (recoverLostWork.recover(app, epoch, held.heldForMillis(app)) > 0) {
            dueWork.workWaiting(app);
        }
    }

    public void failUnplaceable(String app, long epoch) {
        unplaceableWork.fail(app, held.heldForMillis(app));
    }

    public void publishWorkers(String app, long epoch) {
        publishWorkers.publish(app, epoch, held.heldForMillis(app));
    }
}
