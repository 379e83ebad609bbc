package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import io.campanile.scheduler.testing.InMemoryInstances;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopSignalsTest {

    private final InMemoryInstances instances = new InMemoryInstances();
    private final StopSignals stops = new StopSignals(instances);

    @Test
    void a_worker_is_told_to_stop_what_no_longer_runs_on_it_and_an_idle_one_costs_no_read() {
        instances.running(1, 1, "w1", 3);
        instances.running(2, 2, "w1", 3);
        instances.running(3, 1, "w2", 3);

        List<Refusal> stop = stops.toStop(
                "billing", "w1", List.of(new Claim(1, 1), new Claim(2, 1), new Claim(3, 1), new Claim(4, 1)));

        assertThat(stop)
                .extracting(Refusal::instanceId, Refusal::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "instance 2 is at attempt 2"),
                        org.assertj.core.groups.Tuple.tuple(3L, "attempt 1 of instance 3 is not this worker's"),
                        org.assertj.core.groups.Tuple.tuple(4L, "app billing has no instance 4"));
        assertThat(stops.toStop("billing", "w1", List.of())).isEmpty();
        assertThat(stops.toStop("billing", "w1", null)).isEmpty();
    }
}
