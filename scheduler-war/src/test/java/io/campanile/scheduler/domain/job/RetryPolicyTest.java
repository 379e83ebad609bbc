package io.campanile.scheduler.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant FIRE = Instant.parse("2027-01-04T10:00:00Z");
    private static final Instant NOW = FIRE.plusSeconds(3);

    private static RetryPolicy policy(int attempts, Duration backoff, Duration most, double jitter, Duration within) {
        RetryPolicy policy = new RetryPolicy();
        policy.set(attempts, backoff, most, jitter, within);
        return policy;
    }

    @Test
    void the_wait_doubles_from_the_backoff_up_to_its_cap() {
        RetryPolicy policy = policy(10, Duration.ofSeconds(1), Duration.ofSeconds(10), 0, null);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToLong(n -> policy.waitMillis(n, 0.5)))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L);
    }

    @Test
    void jitter_spreads_the_wait_either_way_and_never_past_the_cap() {
        RetryPolicy policy = policy(10, Duration.ofSeconds(10), Duration.ofSeconds(15), 0.2, null);

        assertThat(policy.waitMillis(1, 0.0)).isEqualTo(8_000);
        assertThat(policy.waitMillis(1, 0.5)).isEqualTo(10_000);
        assertThat(policy.waitMillis(1, 0.999_999)).isBetween(11_999L, 12_000L);
        assertThat(policy.waitMillis(2, 0.999_999)).as("capped").isEqualTo(15_000);
    }

    @Test
    void no_attempt_beyond_the_maximum() {
        RetryPolicy policy = policy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 0, null);

        assertThat(policy.afterFailure(2, FIRE, NOW, null, 0.5).retryAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(policy.afterFailure(3, FIRE, NOW, null, 0.5).whyNot()).isEqualTo("all 3 attempts made");
        assertThat(new RetryPolicy().afterFailure(1, FIRE, NOW, null, 0.5).whyNot())
                .isEqualTo("the job has no retries");
    }

    @Test
    void by_default_a_retry_starts_before_the_jobs_next_fire_and_with_within_before_its_deadline() {
        RetryPolicy byNextFire = policy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), 0, null);
        RetryPolicy within = policy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), 0, Duration.ofSeconds(12));

        assertThat(byNextFire
                        .afterFailure(1, FIRE, NOW, NOW.plusSeconds(11), 0.5)
                        .retries())
                .isTrue();
        assertThat(byNextFire
                        .afterFailure(1, FIRE, NOW, NOW.plusSeconds(10), 0.5)
                        .whyNot())
                .contains("not before the job's next fire time");
        assertThat(within.afterFailure(1, FIRE, NOW, NOW.plusSeconds(1), 0.5).whyNot())
                .contains("after its retry deadline 2027-01-04T10:00:12Z");
        assertThat(policy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), 0, Duration.ofSeconds(12))
                        .afterFailure(1, FIRE, NOW, NOW.plusMillis(500), 0.5)
                        .retries())
                .as("within replaces the next fire as the deadline")
                .isTrue();
    }

    @Test
    void a_policy_no_job_could_have_is_refused() {
        RetryPolicy policy = new RetryPolicy();
        assertThatThrownBy(() -> policy.set(0, Duration.ZERO, Duration.ZERO, 0, null))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> policy.set(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 0, null))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> policy.set(2, Duration.ZERO, Duration.ZERO, 1.5, null))
                .hasMessageContaining("jitter");
    }
}
