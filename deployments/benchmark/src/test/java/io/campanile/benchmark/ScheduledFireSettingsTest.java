package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduledFireSettingsTest {

    private final ScheduledFireSettings settings = new ScheduledFireSettings(50, Topology.parse("3x3"), 3, 8, 1.0);

    @Test
    void warms_up_the_minimum_whatever_the_jit_did() {
        assertThat(settings.warmsUpAgain(0, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(settings.warmsUpAgain(2, 0.0)).isTrue();
    }

    @Test
    void then_only_while_the_jit_still_compiles_and_never_beyond_the_maximum() {
        assertThat(settings.warmsUpAgain(3, 0.9)).isFalse();
        assertThat(settings.warmsUpAgain(3, 2.5)).isTrue();
        assertThat(settings.warmsUpAgain(7, 2.5)).isTrue();
        assertThat(settings.warmsUpAgain(8, 2.5)).isFalse();
    }

    @Test
    void a_maximum_below_the_minimum_is_the_minimum() {
        ScheduledFireSettings fixed = new ScheduledFireSettings(50, Topology.parse("3x3"), 3, 0, 1.0);

        assertThat(fixed.maxWarmUpRounds()).isEqualTo(3);
        assertThat(fixed.warmsUpAgain(3, 99)).isFalse();
    }
}
