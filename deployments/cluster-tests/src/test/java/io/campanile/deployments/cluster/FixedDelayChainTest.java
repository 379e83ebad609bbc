package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.TriggerType;
import io.campanile.api.admin.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedDelayChainTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration DELAY = Duration.ofMillis(700);
    private final List<InstanceView> fires = new ArrayList<>();

    @Test
    void fires_each_the_delay_after_the_one_before_ended_are_a_chain() {
        fire(1, 0, 50, InstanceState.SUCCEEDED, null);
        fire(2, 750, 800, InstanceState.SUCCEEDED, null);
        fire(3, 1500, 1600, InstanceState.FAILED, "worker lost");

        assertThat(FixedDelayChain.problems(fires, DELAY, T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void a_fire_too_soon_a_fire_time_twice_and_an_unended_fire_are_each_named() {
        fire(1, 0, 50, InstanceState.SUCCEEDED, null);
        fire(2, 750, 900, InstanceState.SUCCEEDED, null);
        fire(3, 1500, 1550, InstanceState.SUCCEEDED, null);
        fire(4, 1500, 1560, InstanceState.SUCCEEDED, null);
        fire(5, 2400, null, InstanceState.RUNNING, null);
        fire(6, 3400, 3500, InstanceState.FAILED, null);

        assertThat(FixedDelayChain.problems(fires, DELAY, T0.plusSeconds(4)))
                .containsExactly(
                        "fire " + T0.plusMillis(1500) + " came less than PT0.7S after the fire before it ended at "
                                + T0.plusMillis(900),
                        "fire time " + T0.plusMillis(1500) + " has two instances: 3, 4",
                        "fire " + T0.plusMillis(2400) + " (instance 5) has not ended: RUNNING",
                        "fire " + T0.plusMillis(3400) + " ended FAILED without a reason",
                        "fire " + T0.plusMillis(3400) + " came while the fire before it had not ended");
    }

    private void fire(long id, long fireMillis, Integer finishedMillis, InstanceState state, String result) {
        fires.add(new InstanceView(
                id,
                7,
                "delayed",
                "app",
                TriggerType.SCHEDULE,
                T0.plusMillis(fireMillis),
                state,
                1,
                1L,
                "w1",
                "s1",
                T0.plusMillis(fireMillis),
                T0.plusMillis(fireMillis),
                finishedMillis == null ? null : T0.plusMillis(finishedMillis),
                result,
                null,
                null));
    }
}
