package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RoutingDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoutingDefinitionsTest {

    private static RoutingDefinitions.RoutingChoice read(RoutingDefinition routing) {
        return RoutingDefinitions.routing(JobDefinition.onDemand("j", "p").withRouting(routing));
    }

    @Test
    void no_routing_is_any_worker_the_healthiest_first() {
        assertThat(RoutingDefinitions.routing(JobDefinition.onDemand("j", "p")))
                .isEqualTo(RoutingDefinitions.RoutingChoice.ANY);
        assertThat(read(new RoutingDefinition(null, null, null, null, null, null, null))
                        .strategy())
                .isEqualTo(DispatchStrategy.HEALTH_FIRST);
    }

    @Test
    void reads_every_field_and_drops_repeated_names() {
        RoutingDefinition given = RoutingDefinition.of(DispatchStrategy.ROUND_ROBIN)
                .withWorkers(List.of("w1", "w1", "host-2:9"))
                .withTags(List.of("gpu", "eu.west"))
                .withFilters(512L, 0.75, 1024L)
                .withMaxWorkers(3);

        assertThat(read(given))
                .isEqualTo(new RoutingDefinitions.RoutingChoice(
                        DispatchStrategy.ROUND_ROBIN,
                        List.of("w1", "host-2:9"),
                        List.of("gpu", "eu.west"),
                        512L,
                        0.75,
                        1024L,
                        3));
    }

    @Test
    void each_wrong_field_is_named() {
        RoutingDefinition none = new RoutingDefinition(null, null, null, null, null, null, null);
        assertRefused(none.withTags(List.of("has space")), "routing.tags[0]");
        assertRefused(none.withTags(Arrays.asList("ok", null)), "routing.tags[1]");
        assertRefused(
                none.withTags(IntStream.range(0, 33).mapToObj(i -> "t" + i).toList()), "routing.tags");
        assertRefused(none.withWorkers(List.of("w\n1")), "routing.workers[0]");
        assertRefused(none.withWorkers(List.of("x".repeat(201))), "routing.workers[0]");
        assertRefused(none.withFilters(-1L, null, null), "routing.minFreeHeapMb");
        assertRefused(none.withFilters(null, Double.NaN, null), "routing.maxCpuLoad");
        assertRefused(none.withFilters(null, -0.5, null), "routing.maxCpuLoad");
        assertRefused(none.withFilters(null, null, Long.MAX_VALUE), "routing.minFreeDiskMb");
        assertRefused(none.withMaxWorkers(0), "routing.maxWorkers");
    }

    private static void assertRefused(RoutingDefinition routing, String field) {
        assertThatThrownBy(() -> read(routing))
                .isInstanceOf(RequestRejected.class)
                .hasMessageStartingWith(field + ":");
    }
}
