package io.campanile.scheduler.application;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.ReportedState;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the server counts and measures, for its metrics endpoint: a port, so that the use cases know no metrics
 * library. Labels are bounded: app names and fixed enums, never instance, job, worker or server ids. Implementations
 * must be cheap and must not throw.
 */
public interface SchedulerMetrics {

    /** Why a fire time was recorded SKIPPED instead of run. */
    enum SkipReason {
        /** Missed (its owner came to it too late) and its job's misfire policy does not run it. */
        MISFIRE,
        /** Its job's overlap policy skipped it: an earlier fire was still going. */
        OVERLAP,
        /** A local time in a daylight-saving gap, skipped by its schedule's gap rule. */
        DST_GAP
    }

    /** The main database calls of the run path, timed by name. */
    enum DbCall {
        FIRE,
        FIND_DUE,
        CLAIM,
        REPORT,
        RENEW,
        HEARTBEAT
    }

    void firesCreated(String app, int count);

    void firesSkipped(String app, SkipReason reason, int count);

    /** An attempt's end as a worker reported it and this server recorded it (retried or not). */
    void runEnded(String app, ReportedState outcome);

    /** From a first attempt's fire time to its processor's start (on the worker's clock). */
    void fireLag(String app, Duration lag);

    /** This server took an app over. */
    void ownershipChanged(OwnershipChangeReason reason);

    /** This server stopped holding an app (another took it over, or a write found it fenced out). */
    void appLost();

    /** A lease renewal statement failed (the database did not answer, say): the leases run on unrenewed. */
    void leaseRenewalFailed();

    /** How many instances of an owned app were due and WAITING when its work was last handed out. */
    void dueWaiting(String app, int count);

    <T> T timed(DbCall call, Supplier<T> work);

    default void timed(DbCall call, Runnable work) {
        timed(call, () -> {
            work.run();
            return null;
        });
    }

    /** Counts nothing: for use cases built without metrics. */
    SchedulerMetrics NONE = new SchedulerMetrics() {
        @Override
        public void firesCreated(String app, int count) {}

        @Override
        public void firesSkipped(String app, SkipReason reason, int count) {}

        @Override
        public void runEnded(String app, ReportedState outcome) {}

        @Override
        public void fireLag(String app, Duration lag) {}

        @Override
        public void ownershipChanged(OwnershipChangeReason reason) {}

        @Override
        public void appLost() {}

        @Override
        public void leaseRenewalFailed() {}

        @Override
        public void dueWaiting(String app, int count) {}

        @Override
        public <T> T timed(DbCall call, Supplier<T> work) {
            return work.get();
        }
    };
}
