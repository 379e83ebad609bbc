package io.campanile.api.admin;

/**
 * A job's retry policy: how often a failed instance runs again, and when. Each field may be left out; a job without
 * one runs each instance once.
 *
 * @param maxAttempts how many attempts an instance gets in all, the first included (1 to 100; 1 when absent: no
 *     retry)
 * @param backoff an ISO-8601 duration: the wait before the second attempt ({@code PT1S} when absent); it doubles
 *     with each further attempt
 * @param maxBackoff an ISO-8601 duration: the longest wait between attempts ({@code PT5M} when absent)
 * @param jitter how much each wait is spread at random, as a fraction of it (0 to 1; 0.1 when absent: a wait of
 *     10 s is between 9 and 11 s)
 * @param within an ISO-8601 duration: no attempt starts later than this after the instance's fire time; when
 *     absent, a scheduled job's retries must start before its next fire time (an API job's are not bounded)
 */
public record RetryDefinition(Integer maxAttempts, String backoff, String maxBackoff, Double jitter, String within) {

    /** Up to {@code maxAttempts} attempts, the other fields as their defaults. */
    public static RetryDefinition attempts(int maxAttempts) {
        return new RetryDefinition(maxAttempts, null, null, null, null);
    }

    public RetryDefinition withBackoff(java.time.Duration first, java.time.Duration most) {
        return new RetryDefinition(
                maxAttempts,
                first == null ? null : first.toString(),
                most == null ? null : most.toString(),
                jitter,
                within);
    }

    public RetryDefinition withJitter(double fraction) {
        return new RetryDefinition(maxAttempts, backoff, maxBackoff, fraction, within);
    }

    public RetryDefinition within(java.time.Duration limit) {
        return new RetryDefinition(maxAttempts, backoff, maxBackoff, jitter, limit == null ? null : limit.toString());
    }
}
