package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcFootprintTest {

    @Test
    void reads_resident_memory_and_threads_from_proc_status() {
        ProcFootprint footprint = ProcFootprint.parse("Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  471040 kB\n"
                + "RssAnon:\t 400000 kB\nThreads:\t97\nSigQ:\t0/1\n");

        assertThat(footprint).isEqualTo(new ProcFootprint(471_040, 97));
        assertThat(footprint.residentMegabytes()).isEqualTo(460.0);
    }

    @Test
    void this_jvm_has_a_footprint() {
        ProcFootprint footprint = ProcFootprint.of(ProcessHandle.current().pid());

        assertThat(footprint.residentKilobytes()).isPositive();
        assertThat(footprint.threads()).isPositive();
    }

    @Test
    void a_peak_takes_the_larger_of_each() {
        assertThat(new ProcFootprint(10, 50).peak(new ProcFootprint(20, 40))).isEqualTo(new ProcFootprint(20, 50));
    }

    @Test
    void a_status_without_the_fields_is_refused() {
        assertThatThrownBy(() -> ProcFootprint.parse("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
