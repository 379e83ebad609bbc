package io.campanile.scheduler.application;

/**
 * Timing of a server; see docs/configuration.md for each setting and its default.
 *
 * @param leaseMillis how long an owner's lease runs after each renewal (database time)
 * @param renewMillis how often an owner renews its leases
 * @param pingTimeoutMillis how long a PING to another server may take
 * @param pollHoldSeconds how long a worker's long-poll is held when there is no work
 * @param tickMillis how often the server looks for due fires and work to dispatch
 * @param handOutMillis an instance handed out to a worker that neither claimed it nor polled again by then may be
 *     handed out again (a backstop for a lost poll answer: a late claim is refused, so nothing runs twice)
 * @param workerTimeoutMillis after a take-over, a worker that has not reached the new owner is lost after this long
 *     (a worker known to the owner is lost after {@code missedHeartbeats})
 * @param serverAliveMillis a server whose heartbeat is older is shown dead
 * @param maxCatchUpFires at most this many missed fires of one job are created per tick
 * @param lookAheadMillis fires due within this long are written ahead (WAITING, fenced like any other) and
 *     dispatched at their exact time; an edit, pause or delete takes effect after the fires already written
 * @param misfireThresholdMillis a fire time the owner comes to later than this is missed: the job's misfire policy
 *     says whether it runs
 * @param missedHeartbeats a worker known to the owner is lost once it missed this many heartbeats (its own period,
 *     as its heartbeats say) plus {@link #HEARTBEAT_ALLOWANCE_MILLIS} while the owner went on hearing from other
 *     workers (so the silence is the worker's, not the owner's own network); its running attempts are retried or fail
 * @param missedHeartbeatsAlone the same when the owner heard from no worker meanwhile: it may be the one cut off, so
 *     it waits this many heartbeats (at least {@code missedHeartbeats})
 * @param noWorkerWaitMillis an instance due this long ago that no live worker may run (none at all, none with its
 *     processor, none its routing allows) ends FAILED with a reason naming why
 * @param logRetentionMillis run log lines stored longer ago are deleted
 * @param leadMillis work that becomes due within this long is handed out ahead to a worker that starts it on time (it
 *     claims at once and starts the processor at the due instant): the hand-out and the claim no longer delay the
 *     start. 0: hand out only what is due. Less than the look-ahead, so that a fire is written before it is handed out
 */
public record SchedulerSettings(
        long leaseMillis,
        long renewMillis,
        long pingTimeoutMillis,
        int pollHoldSeconds,
        long tickMillis,
        long handOutMillis,
        long workerTimeoutMillis,
        long serverAliveMillis,
        int maxCatchUpFires,
        long lookAheadMillis,
        long misfireThresholdMillis,
        int missedHeartbeats,
        int missedHeartbeatsAlone,
        long noWorkerWaitMillis,
        long logRetentionMillis,
        long leadMillis) {

    /** What a worker's silence may exceed its missed heartbeats by before it is lost: network and GC jitter. */
    public static final long HEARTBEAT_ALLOWANCE_MILLIS = 500;

    public static SchedulerSettings defaults() {
        // 3 missed heartbeats while the owner hears other workers, 15 when it hears none: an owner whose own
        // connections stall for 5 s must not take its workers for lost (ExactlyOnceUnderLoadIT failed running work
        // with a plain 3)
        return new SchedulerSettings(
                3000,
                1000,
                1000,
                20,
                100,
                30_000,
                15_000,
                5000,
                100,
                500,
                1000,
                3,
                15,
                60_000,
                7L * 24 * 3600 * 1000,
                50);
    }

    /** These settings with another lead ({@code campanile.dispatch.lead-millis}). */
    public SchedulerSettings withLeadMillis(long lead) {
        return new SchedulerSettings(
                leaseMillis,
                renewMillis,
                pingTimeoutMillis,
                pollHoldSeconds,
                tickMillis,
                handOutMillis,
                workerTimeoutMillis,
                serverAliveMillis,
                maxCatchUpFires,
                lookAheadMillis,
                misfireThresholdMillis,
                missedHeartbeats,
                missedHeartbeatsAlone,
                noWorkerWaitMillis,
                logRetentionMillis,
                lead);
    }

    /** An owner stops acting this long before the lease it wrote runs out, to absorb delays. */
    public long safetyMillis() {
        return Math.min(500, leaseMillis / 4);
    }
}
