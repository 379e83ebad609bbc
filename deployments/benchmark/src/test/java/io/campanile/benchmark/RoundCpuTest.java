package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundCpuTest {

    @Test
    void cpu_is_a_share_of_one_core_over_the_window() {
        RoundCpu cpu = new RoundCpu(20, Map.of("server", 5.0), Map.of("server", 1.25));

        assertThat(cpu.figures(Scenario.SCHEDULED_FIRE_LAG))
                .extracting(Figure::metric, Figure::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CPU of one core, server", 25.0),
                        org.assertj.core.groups.Tuple.tuple("JIT CPU, server", 1.25));
        assertThat(cpu.line()).contains("server 25%").contains("server 1.25 s");
    }

    @Test
    void what_the_machine_spent_beyond_the_processes_is_everything_else() {
        RoundCpu cpu = new RoundCpu(10, Map.of(CpuSampler.MACHINE, 15.0, "server", 5.0), Map.of());

        assertThat(cpu.line()).contains("everything else 100%");
    }
}
