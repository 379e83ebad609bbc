package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChaosPlanTest {

    @Test
    void the_same_seed_draws_the_same_plan_and_another_seed_another() {
        assertThat(faults(new ChaosPlan(42, 3, 4, 2), 30)).isEqualTo(faults(new ChaosPlan(42, 3, 4, 2), 30));
        assertThat(new ChaosPlan(42, 3, 4, 2).cronPeriods(2)).isEqualTo(new ChaosPlan(42, 3, 4, 2).cronPeriods(2));
        assertThat(faults(new ChaosPlan(43, 3, 4, 2), 30)).isNotEqualTo(faults(new ChaosPlan(42, 3, 4, 2), 30));
    }

    @Test
    void every_kind_comes_once_in_each_round_of_eight() {
        int round = ChaosFault.Kind.values().length;
        assertThat(round).isEqualTo(8);
        List<ChaosFault> faults = faults(new ChaosPlan(7, 3, 4, 2), 3 * round);
        for (int r = 0; r < 3; r++) {
            EnumSet<ChaosFault.Kind> kinds = EnumSet.noneOf(ChaosFault.Kind.class);
            faults.subList(r * round, r * round + round).forEach(fault -> kinds.add(fault.kind()));
            assertThat(kinds).as("round " + r).isEqualTo(EnumSet.allOf(ChaosFault.Kind.class));
        }
    }

    @Test
    void targets_exist_a_frozen_or_vanished_server_stays_away_longer_than_its_lease_and_clocks_really_step() {
        for (ChaosFault fault : faults(new ChaosPlan(1234, 3, 4, 2), 700)) {
            assertThat(fault.target()).isBetween(0, fault.kind().targetsWorker() ? 3 : fault.atOwner() ? 1 : 2);
            if (fault.atOwner()) {
                assertThat(fault.kind().targetsServer())
                        .as("at an owner: " + fault)
                        .isTrue();
            }
            assertThat(fault.gapBefore().toMillis()).isBetween(3_000L, 10_000L);
            switch (fault.kind()) {
                case FREEZE_SERVER, BLACKHOLE_SERVER -> assertThat(fault.hold()).isGreaterThan(ChaosPlan.LEASE);
                case STEP_CLOCK -> {
                    assertThat(fault.clockBackSeconds()).isBetween(5L, 60L);
                    assertThat(fault.clockForwardSeconds()).isBetween(5L, 60L);
                }
                default -> assertThat(fault.hold().toMillis()).isBetween(0L, 5_000L);
            }
        }
    }

    @Test
    void some_server_faults_hit_an_apps_owner_and_some_any_server() {
        List<ChaosFault> serverFaults = faults(new ChaosPlan(5, 3, 4, 2), 140).stream()
                .filter(fault -> fault.kind().targetsServer())
                .toList();
        assertThat(serverFaults).extracting(ChaosFault::atOwner).contains(true, false);
    }

    @Test
    void cron_periods_are_between_2_and_5_seconds_and_api_runs_go_to_every_app() {
        assertThat(new ChaosPlan(9, 3, 4, 2).cronPeriods(50))
                .allSatisfy(period -> assertThat(period).isBetween(2, 5));
        ChaosPlan plan = new ChaosPlan(9, 3, 4, 2);
        List<ChaosPlan.ApiRun> runs =
                IntStream.range(0, 100).mapToObj(i -> plan.nextApiRun()).toList();
        assertThat(runs).extracting(ChaosPlan.ApiRun::app).contains(0, 1);
        assertThat(runs)
                .allSatisfy(run -> assertThat(run.gapBefore().toMillis()).isBetween(1_000L, 6_000L));
    }

    private static List<ChaosFault> faults(ChaosPlan plan, int count) {
        List<ChaosFault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faults.add(plan.nextFault());
        }
        return faults;
    }
}
