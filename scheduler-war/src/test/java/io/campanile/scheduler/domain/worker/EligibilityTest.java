package io.campanile.scheduler.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.scheduler.domain.job.Routing;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final long MIB = 1L << 20;

    @Test
    void any_live_worker_with_the_processor_may_run_a_job_without_routing() {
        Routing any = new Routing();
        assertThat(Eligibility.whyNot(worker("w1", Set.of(), Set.of("p"), 0.5, 10, 10), "p", any))
                .isEmpty();
        assertThat(Eligibility.whyNot(WorkerStatus.unheard("w2"), "p", any))
                .as("processors not told yet")
                .isEmpty();
        assertThat(Eligibility.whyNot(worker("w3", Set.of(), Set.of("q"), 0.5, 10, 10), "p", any))
                .contains("has no processor 'p'");
    }

    @Test
    void designated_workers_by_id_or_tag() {
        Routing r = routing(List.of("w9"), List.of("gpu", "big"), null, null, null);
        assertThat(Eligibility.whyNot(worker("w1", Set.of("big"), Set.of("p"), 0, 10, 10), "p", r))
                .isEmpty();
        assertThat(Eligibility.whyNot(worker("w9", Set.of(), Set.of("p"), 0, 10, 10), "p", r))
                .isEmpty();
        assertThat(Eligibility.whyNot(worker("w2", Set.of("small"), Set.of("p"), 0, 10, 10), "p", r))
                .contains("is not designated");
    }

    @Test
    void filters_on_heap_cpu_and_disk_each_name_the_figure() {
        Routing r = routing(null, null, 100L, 0.8, 1000L);
        assertThat(Eligibility.whyNot(worker("w", Set.of(), null, 0.5, 200, 2000), "p", r))
                .isEmpty();
        assertThat(Eligibility.whyNot(worker("w", Set.of(), null, 0.5, 99, 2000), "p", r))
                .contains("has 99 MiB free heap, not 100");
        assertThat(Eligibility.whyNot(worker("w", Set.of(), null, 0.9, 200, 2000), "p", r))
                .contains("has a CPU load of 0.90 per core, above 0.80");
        assertThat(Eligibility.whyNot(worker("w", Set.of(), null, -1, 200, 2000), "p", r))
                .as("a worker that cannot tell its load passes the CPU filter")
                .isEmpty();
        assertThat(Eligibility.whyNot(worker("w", Set.of(), null, 0.5, 200, 999), "p", r))
                .contains("has 999 MiB free disk, not 1000");
        assertThat(Eligibility.whyNot(WorkerStatus.unheard("w"), "p", r)).contains("has not told its free heap");
    }

    @Test
    void the_reason_none_may_run_it_names_the_first_condition_no_worker_meets() {
        Routing tagged = routing(null, List.of("gpu"), null, null, null);
        Routing heavy = routing(null, null, 4096L, null, null);
        List<WorkerStatus> live = List.of(
                worker("w1", Set.of(), Set.of("p"), 0, 100, 10), worker("w2", Set.of(), Set.of("q"), 0, 200, 10));

        assertThat(Eligibility.noneEligible("shop", List.of(), "p", new Routing()))
                .contains("no live worker of app shop");
        assertThat(Eligibility.noneEligible("shop", live, "z", new Routing()))
                .contains("no live worker of app shop has processor 'z'");
        assertThat(Eligibility.noneEligible("shop", live, "p", tagged))
                .contains(
                        "no live worker of app shop with processor 'p' is designated by the job's routing (tags [gpu])");
        assertThat(Eligibility.noneEligible("shop", live, "p", heavy))
                .contains("no live worker of app shop passes the job's routing (free heap >= 4096 MiB): "
                        + "w1 has 100 MiB free heap, not 4096");
        assertThat(Eligibility.noneEligible("shop", live, "q", new Routing())).isEmpty();
    }

    private static Routing routing(
            List<String> workers, List<String> tags, Long minHeapMb, Double maxCpu, Long minDiskMb) {
        Routing r = new Routing();
        r.set(null, workers, tags, minHeapMb, maxCpu, minDiskMb, null);
        return r;
    }

    private static WorkerStatus worker(
            String id, Set<String> tags, Set<String> processors, double cpu, long freeHeapMb, long freeDiskMb) {
        return new WorkerStatus(
                id,
                true,
                tags,
                Optional.ofNullable(processors),
                cpu,
                OptionalLong.of(freeHeapMb * MIB),
                OptionalLong.of(freeDiskMb * MIB),
                8,
                0);
    }
}
