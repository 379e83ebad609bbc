package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyDefinitionsTest {

    @Test
    void a_misfire_policy_defaults_to_fire_all_and_only_fire_all_has_a_catch_up_window() {
        JobDefinition cron = JobDefinition.cron("c", "p", "0 * * * * *");

        assertThat(PolicyDefinitions.misfire(cron))
                .isEqualTo(new PolicyDefinitions.MisfireChoice(MisfirePolicy.FIRE_ALL, null));
        assertThat(PolicyDefinitions.misfire(cron.withMisfire(MisfirePolicy.FIRE_ALL, Duration.ofMinutes(10))))
                .isEqualTo(new PolicyDefinitions.MisfireChoice(MisfirePolicy.FIRE_ALL, Duration.ofMinutes(10)));
        assertThatThrownBy(
                        () -> PolicyDefinitions.misfire(cron.withMisfire(MisfirePolicy.SKIP, Duration.ofMinutes(10))))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("catchUpWindow: only a FIRE_ALL misfire policy");
        assertThatThrownBy(() -> PolicyDefinitions.misfire(
                        JobDefinition.onDemand("a", "p").withMisfire(MisfirePolicy.SKIP, null)))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("misfirePolicy: an API job has no fire times to miss");
    }

    @Test
    void an_overlap_policy_defaults_to_allow_and_its_maximum_is_checked() {
        JobDefinition cron = JobDefinition.cron("c", "p", "0 * * * * *");

        assertThat(PolicyDefinitions.overlap(cron))
                .isEqualTo(new PolicyDefinitions.OverlapChoice(OverlapPolicy.ALLOW, 1));
        assertThat(PolicyDefinitions.overlap(cron.withOverlap(OverlapPolicy.BUFFER_ALL, 3)))
                .isEqualTo(new PolicyDefinitions.OverlapChoice(OverlapPolicy.BUFFER_ALL, 3));
        assertOverlapRefused(cron.withOverlap(OverlapPolicy.ALLOW, 2), "maxConcurrent: an ALLOW overlap policy");
        assertOverlapRefused(cron.withOverlap(OverlapPolicy.SKIP, 0), "maxConcurrent: must be between 1 and 1000");
        assertOverlapRefused(
                JobDefinition.onDemand("a", "p").withOverlap(OverlapPolicy.SKIP, null), "overlapPolicy: an API job");
        assertOverlapRefused(
                JobDefinition.of("d", "p", ScheduleType.FIXED_DELAY)
                        .withInterval(Duration.ofSeconds(1))
                        .withOverlap(OverlapPolicy.SKIP, null),
                "overlapPolicy: a FIXED_DELAY job");
    }

    private static void assertOverlapRefused(JobDefinition d, String message) {
        assertThatThrownBy(() -> PolicyDefinitions.overlap(d))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining(message);
    }
}
