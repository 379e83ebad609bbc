package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void a_figure_is_one_json_object_with_its_six_fields() {
        Figure figure = new Figure(Scenario.FIRE_LAG, "quartz", "lag p99", 6.25, "ms", 1000);

        assertThat(figure.toJson())
                .isEqualTo("{\"scenario\":\"FIRE_LAG\",\"scheduler\":\"quartz\",\"metric\":\"lag p99\","
                        + "\"value\":6.250,\"unit\":\"ms\",\"n\":1000}");
    }

    @Test
    void whole_numbers_have_no_fraction_and_text_is_escaped() {
        Figure figure = new Figure(Scenario.THROUGHPUT, "a\"b\\c\n", "misses", 0, "runs", 5);

        assertThat(figure.toJson()).contains("\"scheduler\":\"a\\\"b\\\\c\\n\"", "\"value\":0,");
        assertThat(figure.formattedValue()).isEqualTo("0");
    }

    @Test
    void not_a_number_is_refused() {
        assertThatThrownBy(() -> new Figure(Scenario.THROUGHPUT, "x", "throughput", Double.NaN, "runs/s", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
