package io.campanile.deployments.cluster;

import io.campanile.api.OverlapPolicy;
import io.campanile.api.admin.RunBatchAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The jobs of a chaos soak by kind, as the books need them: each kind has books of its own ({@link ChaosBooks},
 * {@link ChaosScheduleBooks}, {@link ChaosRetryBooks}).
 */
record ChaosJobs(
        List<ChaosBooks.CronJob> cron,
        List<DelayJob> delay,
        List<OverlapJob> overlap,
        List<OneOffJob> oneOff,
        List<Backfill> backfills,
        List<RetryJob> retry) {

    /** A FIXED_DELAY job: each fire at least {@code delay} after the run before it ended, never two going at once. */
    record DelayJob(String app, long jobId, String name, Duration delay) {}

    /** A FIXED_RATE job every second, maxConcurrent 1, whose runs hold longer than a second. */
    record OverlapJob(String app, long jobId, String name, OverlapPolicy policy) {}

    /** A ONE_OFF job: one fire, at {@code runAt}, run once. */
    record OneOffJob(String app, long jobId, String name, Instant runAt) {}

    /**
     * A backfill of a past range asked for twice under the same request id: the first answer must create a run for
     * each of {@code fireTimes}, the repeat none, with the same instance ids.
     */
    record Backfill(
            String app,
            long jobId,
            String name,
            List<Instant> fireTimes,
            RunBatchAnswer first,
            RunBatchAnswer repeat,
            Instant from,
            Instant to) {

        Backfill withRepeat(RunBatchAnswer answer) {
            return new Backfill(app, jobId, name, fireTimes, first, answer, from, to);
        }
    }

    /** A CRON job whose processor fails at random, retried up to {@code maxAttempts} attempts in all. */
    /**
     * @param lifetime how long an instance may take from its fire time to its last attempt's end: one fired within
     *     this of the window's end may still be between attempts when the books are kept, and is not counted
     */
    record RetryJob(String app, long jobId, String name, int maxAttempts, Duration lifetime) {}

    ChaosJobs {
        cron = List.copyOf(cron);
        delay = List.copyOf(delay);
        overlap = List.copyOf(overlap);
        oneOff = List.copyOf(oneOff);
        backfills = List.copyOf(backfills);
        retry = List.copyOf(retry);
    }

    /** Only CRON-like jobs (the soak before the other kinds). */
    static ChaosJobs cronOnly(List<ChaosBooks.CronJob> cron) {
        return new ChaosJobs(cron, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
