package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearest_rank_of_one_to_a_hundred_in_any_order() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values);
        Percentiles percentiles = new Percentiles(values);

        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(95)).isEqualTo(95);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.min()).isEqualTo(1);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void a_single_value_is_every_percentile() {
        Percentiles percentiles = new Percentiles(List.of(-3.5));

        assertThat(percentiles.at(1)).isEqualTo(-3.5);
        assertThat(percentiles.at(99)).isEqualTo(-3.5);
    }

    @Test
    void no_values_and_percentages_out_of_range_are_refused() {
        assertThatThrownBy(() -> new Percentiles(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(List.of(1.0)).at(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
