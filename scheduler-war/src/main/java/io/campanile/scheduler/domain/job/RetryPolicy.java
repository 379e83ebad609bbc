package io.campanile.scheduler.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a job's failed instances are retried: up to {@code maxAttempts} attempts in all, the n-th retry waiting
 * {@code backoff * 2^(n-1)}, at most {@code maxBackoff}, spread by {@code jitter} (a fraction of the wait, either
 * way), and never starting later than {@code within} after the fire time; without {@code within}, never at or after
 * the job's next fire time. Stored with the job.
 */
@Embeddable
public class RetryPolicy {

    public static final int MAX_ATTEMPTS = 100;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    public static final double DEFAULT_JITTER = 0.1;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts = 1;

    @Column(name = "retry_backoff_ms", nullable = false)
    private long backoffMillis = DEFAULT_BACKOFF.toMillis();

    @Column(name = "retry_max_backoff_ms", nullable = false)
    private long maxBackoffMillis = DEFAULT_MAX_BACKOFF.toMillis();

    @Column(name = "retry_jitter", nullable = false)
    private double jitter = DEFAULT_JITTER;

    /** How long after the fire time an attempt may still start; null: before the job's next fire time. */
    @Column(name = "retry_within_ms")
    private Long withinMillis;

    /**
     * Sets the policy.
     *
     * @throws IllegalArgumentException for values no policy could have (the request's checks name the field first)
     */
    public void set(int attempts, Duration backoff, Duration maxBackoff, double spread, Duration within) {
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts is between 1 and " + MAX_ATTEMPTS + ", was " + attempts);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("the backoff is at least 0 and at most maxBackoff");
        }
        if (!(spread >= 0 && spread <= 1)) {
            throw new IllegalArgumentException("jitter is between 0 and 1, was " + spread);
        }
        this.maxAttempts = attempts;
        this.backoffMillis = backoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.jitter = spread;
        this.withinMillis = within == null ? null : within.toMillis();
    }

    /**
     * When the attempt after {@code failedAttempt} starts, or why there is none.
     *
     * @param nextFireTime the job's next fire time (null: none), the default deadline
     * @param random a number in [0, 1), to spread the wait
     */
    public Decision afterFailure(
            int failedAttempt, Instant fireTime, Instant now, Instant nextFireTime, double random) {
        if (failedAttempt >= maxAttempts) {
            return Decision.no(maxAttempts == 1 ? "the job has no retries" : "all " + maxAttempts + " attempts made");
        }
        Instant at = now.plusMillis(waitMillis(failedAttempt, random));
        if (withinMillis != null) {
            Instant deadline = fireTime.plusMillis(withinMillis);
            if (at.isAfter(deadline)) {
                return Decision.no("attempt " + (failedAttempt + 1) + " would start at " + at
                        + ", after its retry deadline " + deadline + " (" + Duration.ofMillis(withinMillis)
                        + " after the fire time)");
            }
        } else if (nextFireTime != null && !at.isBefore(nextFireTime)) {
            return Decision.no("attempt " + (failedAttempt + 1) + " would start at " + at
                    + ", not before the job's next fire time " + nextFireTime);
        }
        return new Decision(at, null);
    }

    /** The wait before the attempt after {@code failedAttempt}, in whole milliseconds. */
    long waitMillis(int failedAttempt, double random) {
        double base = backoffMillis * Math.pow(2, Math.min(failedAttempt - 1, 62));
        double capped = Math.min(base, maxBackoffMillis);
        double spread = capped * jitter * (2 * random - 1);
        return Math.max(0, Math.min(maxBackoffMillis, Math.round(capped + spread)));
    }

    /** The next attempt's start, or why there is none. */
    public record Decision(Instant retryAt, String whyNot) {

        static Decision no(String reason) {
            return new Decision(null, reason);
        }

        public boolean retries() {
            return retryAt != null;
        }
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration backoff() {
        return Duration.ofMillis(backoffMillis);
    }

    public Duration maxBackoff() {
        return Duration.ofMillis(maxBackoffMillis);
    }

    public double jitter() {
        return jitter;
    }

    public Optional<Duration> within() {
        return Optional.ofNullable(withinMillis).map(Duration::ofMillis);
    }
}
