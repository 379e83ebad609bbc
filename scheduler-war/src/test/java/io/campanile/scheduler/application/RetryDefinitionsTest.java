package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RetryDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryDefinitionsTest {

    private static RetryDefinitions.RetryChoice read(RetryDefinition retry) {
        return RetryDefinitions.retry(JobDefinition.onDemand("j", "p").withRetry(retry));
    }

    @Test
    void absent_fields_take_their_defaults_and_no_policy_means_one_attempt() {
        assertThat(RetryDefinitions.retry(JobDefinition.onDemand("j", "p")).maxAttempts())
                .isEqualTo(1);
        assertThat(read(RetryDefinition.attempts(4)))
                .isEqualTo(
                        new RetryDefinitions.RetryChoice(4, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.1, null));
        assertThat(read(new RetryDefinition(3, "PT10M", null, null, null)).maxBackoff())
                .as("a backoff longer than the default cap is its own cap")
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void each_wrong_field_is_named() {
        assertRefused(new RetryDefinition(0, null, null, null, null), "retry.maxAttempts");
        assertRefused(new RetryDefinition(101, null, null, null, null), "retry.maxAttempts");
        assertRefused(new RetryDefinition(2, "soon", null, null, null), "retry.backoff");
        assertRefused(new RetryDefinition(2, "P2D", null, null, null), "retry.backoff");
        assertRefused(new RetryDefinition(2, "PT10S", "PT5S", null, null), "retry.maxBackoff");
        assertRefused(new RetryDefinition(2, null, null, -0.1, null), "retry.jitter");
        assertRefused(new RetryDefinition(2, null, null, Double.NaN, null), "retry.jitter");
        assertRefused(new RetryDefinition(2, null, null, null, "PT0S"), "retry.within");
    }

    @Test
    void a_time_limit_is_between_a_second_and_a_day() {
        assertThat(RetryDefinitions.timeout(JobDefinition.onDemand("j", "p"))).isNull();
        assertThat(RetryDefinitions.timeout(JobDefinition.onDemand("j", "p").withTimeout(Duration.ofMinutes(5))))
                .isEqualTo(Duration.ofMinutes(5));
        for (Duration wrong : List.of(Duration.ofMillis(500), Duration.ofDays(2))) {
            assertThatThrownBy(() -> RetryDefinitions.timeout(
                            JobDefinition.onDemand("j", "p").withTimeout(wrong)))
                    .isInstanceOf(RequestRejected.class)
                    .hasMessageContaining("timeout");
        }
    }

    private static void assertRefused(RetryDefinition retry, String field) {
        assertThatThrownBy(() -> read(retry))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining(field);
    }
}
