package io.campanile.scheduler.testing;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.ReportedState;
import io.campanile.scheduler.application.SchedulerMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Metrics that remember each call as a line of text ({@code "fires billing 2"}), for assertions. */
public final class RecordingMetrics implements SchedulerMetrics {

    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void firesCreated(String app, int count) {
        calls.add("fires " + app + " " + count);
    }

    @Override
    public void firesSkipped(String app, SkipReason reason, int count) {
        calls.add("skipped " + app + " " + reason + " " + count);
    }

    @Override
    public void runEnded(String app, ReportedState outcome) {
        calls.add("run " + app + " " + outcome);
    }

    @Override
    public void fireLag(String app, Duration lag) {
        calls.add("lag " + app + " " + lag.toMillis() + "ms");
    }

    @Override
    public void ownershipChanged(OwnershipChangeReason reason) {
        calls.add("took over " + reason);
    }

    @Override
    public void appLost() {
        calls.add("lost an app");
    }

    @Override
    public void leaseRenewalFailed() {
        calls.add("renewal failed");
    }

    @Override
    public void dueWaiting(String app, int count) {
        calls.add("due " + app + " " + count);
    }

    @Override
    public <T> T timed(DbCall call, Supplier<T> work) {
        calls.add("timed " + call);
        return work.get();
    }
}
