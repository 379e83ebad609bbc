package io.campanile.api;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a processor knows about the run it is asked to do.
 *
 * @param instanceId the instance: one per (job, fire time)
 * @param jobId the job's id
 * @param jobName the job's name
 * @param appName the app the job belongs to
 * @param attempt 1 for the first run of the instance, higher for a retry of the same instance
 * @param scheduledFireTime the fire time the instance was created for
 * @param epoch the ownership epoch under which the instance was dispatched
 * @param parameters the job's (or the run request's) parameters, possibly null
 * @param previousOutcome for a retry, how the attempt before it ended (its failure message, or that its worker was
 *     lost); null on the first attempt
 * @param cancellation true once the run should stop (its time limit passed): see {@link #cancelled()}
 * @param runLog the attempt's log: see {@link #log()}
 */
public record ProcessorContext(
        long instanceId,
        long jobId,
        String jobName,
        String appName,
        int attempt,
        Instant scheduledFireTime,
        long epoch,
        String parameters,
        String previousOutcome,
        BooleanSupplier cancellation,
        RunLog runLog) {

    /**
     * The attempt's log: lines written here are stored per attempt by the scheduler and readable (and tailable) through
     * the admin API while the run goes on. Never null.
     */
    public RunLog log() {
        return runLog == null ? RunLog.NONE : runLog;
    }

    /**
     * Whether the run should stop now: its time limit passed. The worker also interrupts the processor's thread then,
     * so a blocking call ends with an {@code InterruptedException} (or an interrupted I/O); a loop that does not block
     * should look at this now and then. Whatever the processor returns after that, the attempt is TIMED_OUT.
     */
    public boolean cancelled() {
        return cancellation != null && cancellation.getAsBoolean();
    }

    /** A first attempt's context, never cancelled. */
    public ProcessorContext(
            long instanceId,
            long jobId,
            String jobName,
            String appName,
            int attempt,
            Instant scheduledFireTime,
            long epoch,
            String parameters) {
        this(instanceId, jobId, jobName, appName, attempt, scheduledFireTime, epoch, parameters, null, null, null);
    }
}
