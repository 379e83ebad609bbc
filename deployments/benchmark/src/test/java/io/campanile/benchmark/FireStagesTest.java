package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FireStagesTest {

    @Test
    void each_stage_is_its_own_percentile_and_the_last_hop_is_start_minus_claim() {
        List<FireStages.Stages> stages = List.of(
                new FireStages.Stages(-500, 1, 3),
                new FireStages.Stages(-400, 2, 10),
                new FireStages.Stages(-300, 30, 31));

        Map<String, double[]> p = FireStages.percentiles(stages);

        assertThat(p.keySet())
                .containsExactly(FireStages.CREATED, FireStages.CLAIMED, FireStages.STARTED, FireStages.CLAIM_TO_START);
        assertThat(p.get(FireStages.CREATED)).containsExactly(-400, -300);
        assertThat(p.get(FireStages.CLAIMED)).containsExactly(2, 30);
        assertThat(p.get(FireStages.STARTED)).containsExactly(10, 31);
        assertThat(p.get(FireStages.CLAIM_TO_START)).containsExactly(2, 8);
    }

    @Test
    void no_fires_no_stages() {
        assertThat(FireStages.figures(Scenario.SCHEDULED_FIRE_LAG, List.of())).isEmpty();
        assertThat(FireStages.line(List.of())).contains("0 fires");
    }

    @Test
    void figures_name_the_stage_and_the_percentile() {
        List<Figure> figures =
                FireStages.figures(Scenario.SCHEDULED_FIRE_LAG, List.of(new FireStages.Stages(-500, 1, 3)));

        assertThat(figures).extracting(Figure::metric).contains("stage claimed p50", "stage claimed to started p99");
    }
}
