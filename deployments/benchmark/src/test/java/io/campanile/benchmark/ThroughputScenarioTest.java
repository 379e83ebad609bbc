package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputScenarioTest {

    @Test
    void the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
        assertThat(ThroughputScenario.median(List.of(7_018.0, 8_489.0, 5_000.0)))
                .isEqualTo(7_018.0);
        assertThat(ThroughputScenario.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(ThroughputScenario.median(List.of(6_000.0))).isEqualTo(6_000.0);
    }
}
