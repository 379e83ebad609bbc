package io.campanile.scheduler.application;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.scheduler.domain.job.RetryPolicy;
import java.time.Duration;

/** Reads a job definition's retry policy, refusing with the field named what is out of range. */
final class RetryDefinitions {

    private static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private RetryDefinitions() {}

    /** A job's retry policy as asked for, every field given: one attempt, no retry, when absent. */
    record RetryChoice(int maxAttempts, Duration backoff, Duration maxBackoff, double jitter, Duration within) {

        static final RetryChoice NONE = new RetryChoice(
                1, RetryPolicy.DEFAULT_BACKOFF, RetryPolicy.DEFAULT_MAX_BACKOFF, RetryPolicy.DEFAULT_JITTER, null);

        void applyTo(RetryPolicy policy) {
            policy.set(maxAttempts, backoff, maxBackoff, jitter, within);
        }
    }

    /**
     * The retry policy of {@code d}.
     *
     * @throws RequestRejected naming the field that is wrong
     */
    static RetryChoice retry(JobDefinition d) {
        RetryDefinition r = d.retry();
        if (r == null) {
            return RetryChoice.NONE;
        }
        int attempts = r.maxAttempts() == null ? 1 : r.maxAttempts();
        if (attempts < 1 || attempts > RetryPolicy.MAX_ATTEMPTS) {
            throw RequestRejected.invalid(
                    "retry.maxAttempts", "must be between 1 and " + RetryPolicy.MAX_ATTEMPTS + ", not " + attempts);
        }
        Duration backoff = bounded("retry.backoff", r.backoff(), RetryPolicy.DEFAULT_BACKOFF);
        Duration most = bounded("retry.maxBackoff", r.maxBackoff(), RetryPolicy.DEFAULT_MAX_BACKOFF);
        if (r.maxBackoff() == null && backoff.compareTo(most) > 0) {
            most = backoff;
        }
        if (most.compareTo(backoff) < 0) {
            throw RequestRejected.invalid(
                    "retry.maxBackoff", "must not be shorter than retry.backoff (" + backoff + ")");
        }
        double jitter = r.jitter() == null ? RetryPolicy.DEFAULT_JITTER : r.jitter();
        if (!(jitter >= 0 && jitter <= 1)) {
            throw RequestRejected.invalid("retry.jitter", "must be between 0 and 1, not " + r.jitter());
        }
        Duration within = ScheduleDefinitions.duration("retry.within", r.within());
        if (within != null && within.isZero()) {
            throw RequestRejected.invalid("retry.within", "must be longer than PT0S");
        }
        return new RetryChoice(attempts, backoff, most, jitter, within);
    }

    /** The shortest time limit of an attempt: below it the limit is below the worker's watch's precision. */
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    /**
     * The time limit of an attempt in {@code d}, or null.
     *
     * @throws RequestRejected naming the field when it is out of range
     */
    static Duration timeout(JobDefinition d) {
        Duration timeout = ScheduleDefinitions.duration("timeout", d.timeout());
        if (timeout != null && (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_BACKOFF) > 0)) {
            throw RequestRejected.invalid("timeout", "must be between " + MIN_TIMEOUT + " and " + MAX_BACKOFF);
        }
        return timeout;
    }

    private static Duration bounded(String field, String text, Duration absent) {
        Duration value = ScheduleDefinitions.duration(field, text);
        if (value == null) {
            return absent;
        }
        if (value.compareTo(MAX_BACKOFF) > 0) {
            throw RequestRejected.invalid(field, "must be at most " + MAX_BACKOFF);
        }
        return value;
    }
}
