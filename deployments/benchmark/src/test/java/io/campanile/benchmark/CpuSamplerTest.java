package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuSamplerTest {

    @Test
    void busy_time_is_every_field_of_the_first_line_but_idle_and_iowait() {
        String procStat = "cpu  100 2 30 5000 40 5 6 7 0 0\ncpu0 50 1 15 2500 20 2 3 3 0 0\n";

        assertThat(CpuSampler.busyTicks(procStat)).isEqualTo(100 + 2 + 30 + 5 + 6 + 7);
    }

    @Test
    void a_process_spends_its_user_and_system_time_whatever_its_command_name() {
        String pidStat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 567 0 0 20 0 150 0 1000 "
                + "3000000000 100000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(CpuSampler.processTicks(pidStat)).isEqualTo(1234 + 567);
    }

    @Test
    void measures_this_process_between_two_instants() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (CpuSampler sampler = new CpuSampler(java.util.Map.of("me", pid))) {
            Thread.sleep(150);
            java.time.Instant from = java.time.Instant.now();
            long until = System.nanoTime() + 300_000_000L;
            double sink = 0;
            while (System.nanoTime() < until) {
                sink += Math.sqrt(sink + 1);
            }
            java.time.Instant to = java.time.Instant.now();
            Thread.sleep(250);
            var spent = sampler.cpuSeconds(from, to);
            assertThat(spent).containsKeys(CpuSampler.MACHINE, "me");
            assertThat(spent.get("me")).as("a busy loop of 0.3 s, " + sink).isGreaterThan(0.1);
            assertThat(spent.get(CpuSampler.MACHINE)).isGreaterThanOrEqualTo(spent.get("me") - 0.05);
        }
    }
}
