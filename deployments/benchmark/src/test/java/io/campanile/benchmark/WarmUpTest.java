package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void a_round_within_ten_percent_of_the_one_before_ends_the_warm_up() {
        assertThat(WarmUp.steady(1000, 1100)).isTrue();
        assertThat(WarmUp.steady(1000, 900)).isTrue();
        assertThat(WarmUp.steady(1000, 1101)).isFalse();
        assertThat(WarmUp.steady(1000, 899)).isFalse();
    }

    @Test
    void the_first_round_never_ends_it() {
        assertThat(WarmUp.steady(0, 1000)).isFalse();
        assertThat(WarmUp.steady(0, 0)).isFalse();
    }

    @Test
    void no_round_before_the_minimum_ends_it_however_steady() {
        assertThat(WarmUp.ends(3, 4, 4000, 4000)).isFalse();
        assertThat(WarmUp.ends(4, 4, 4000, 4100)).isTrue();
        assertThat(WarmUp.ends(5, 4, 4000, 5000)).isFalse();
    }
}
