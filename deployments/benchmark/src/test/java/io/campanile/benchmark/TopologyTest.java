package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void a_list_of_servers_x_apps_is_read_in_order_each_topology_once() {
        assertThat(Topology.parseList(" 1x3, 2X3 ,3 x 3,2x3,"))
                .containsExactly(new Topology(1, 3), new Topology(2, 3), new Topology(3, 3));
    }

    @Test
    void anything_but_two_positive_counts_is_refused() {
        for (String wrong : List.of("2x", "x3", "2*3", "2x3x4", "0x2", "2x0", "two x three")) {
            assertThatThrownBy(() -> Topology.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Topology.parseList(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_label_names_servers_and_apps_and_reads_back() {
        assertThat(new Topology(2, 3).label()).isEqualTo("2 servers x 3 apps");
        assertThat(new Topology(1, 1).label()).isEqualTo("1 server x 1 app");
        assertThat(Topology.serversLabel(3)).isEqualTo("3 servers");
        for (Topology topology : List.of(new Topology(1, 1), new Topology(1, 3), new Topology(12, 2))) {
            assertThat(Topology.ofLabel(topology.label())).contains(topology);
        }
        assertThat(Topology.ofLabel("2 servers")).isEmpty();
    }

    @Test
    void the_backlog_is_split_evenly_over_the_apps_the_first_taking_the_remainder() {
        assertThat(new Topology(2, 3).shares(20_000)).containsExactly(6_667, 6_667, 6_666);
        assertThat(new Topology(2, 2).shares(200)).containsExactly(100, 100);
        assertThat(new Topology(1, 3).shares(2)).containsExactly(1, 1, 0);
        assertThat(new Topology(3, 1).shares(7)).containsExactly(7);
        assertThatThrownBy(() -> new Topology(1, 2).shares(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_share_sums_to_the_backlog_and_differs_from_another_by_at_most_one() {
        for (int apps = 1; apps <= 7; apps++) {
            for (int runs = 0; runs <= 50; runs++) {
                List<Integer> shares = new Topology(1, apps).shares(runs);
                assertThat(shares).hasSize(apps);
                assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(runs);
                int max = shares.stream().mapToInt(Integer::intValue).max().orElseThrow();
                int min = shares.stream().mapToInt(Integer::intValue).min().orElseThrow();
                assertThat(max - min).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void the_apps_are_named_bench_and_their_number() {
        assertThat(new Topology(1, 3).appNames()).containsExactly("bench-1", "bench-2", "bench-3");
    }

    @Test
    void the_peers_run_each_server_count_once() {
        assertThat(new ClusterThroughputSettings(Topology.parseList("1x3,2x2,2x3,3x3")).serverCounts())
                .containsExactly(1, 2, 3);
    }
}
