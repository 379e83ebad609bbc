package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JitCpuTest {

    @Test
    void compiler_threads_are_found_by_their_name() {
        assertThat(JitCpu.isCompilerThread("C2 CompilerThre\n")).isTrue();
        assertThat(JitCpu.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(JitCpu.isCompilerThread("GC Thread#0")).isFalse();
    }

    @Test
    void spent_is_after_minus_before_for_processes_in_both() {
        Map<String, Double> spent = JitCpu.spent(Map.of("server", 1.5, "gone", 3.0), Map.of("server", 2.0, "new", 1.0));

        assertThat(spent).containsExactlyEntriesOf(Map.of("server", 0.5));
    }

    @Test
    void this_jvm_has_compiler_threads() {
        assertThat(JitCpu.seconds(Map.of("me", ProcessHandle.current().pid()))).containsKey("me");
    }
}
