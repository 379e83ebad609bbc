package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.TriggerType;
import io.campanile.api.admin.InstanceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FireLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant END = T0.plusSeconds(9);
    private static final Instant RECENT = T0.plusSeconds(8);

    @Test
    void every_second_once_is_clean() {
        FireLedger ledger = new FireLedger(T0, END, RECENT, instances(0, 9), runs(0, 9));

        assertThat(ledger.summary())
                .isEqualTo("FIRES expected=10 instances=10 ran=10 duplicates=0 missing=0 retries=0 unfinished=0");
    }

    @Test
    void a_second_without_instance_or_run_is_missing() {
        List<InstanceView> instances = new ArrayList<>(instances(0, 9));
        instances.removeIf(instance -> instance.fireTime().equals(T0.plusSeconds(4)));
        List<AuditLog.Run> runs = new ArrayList<>(runs(0, 9));
        runs.removeIf(run -> run.fireTime().equals(T0.plusSeconds(6)));

        FireLedger ledger = new FireLedger(T0, END, RECENT, instances, runs);

        assertThat(ledger.missing()).containsExactly(T0.plusSeconds(4), T0.plusSeconds(6));
    }

    @Test
    void a_recent_fire_may_not_have_run_yet() {
        List<InstanceView> instances = new ArrayList<>(instances(0, 8));
        instances.add(instance(9, InstanceState.RUNNING, 1));

        FireLedger ledger = new FireLedger(T0, END, RECENT, instances, runs(0, 8));

        assertThat(ledger.missing()).isEmpty();
        assertThat(ledger.unfinished()).isEmpty();
    }

    @Test
    void double_runs_retries_and_stuck_instances_are_counted_apart() {
        List<InstanceView> instances = new ArrayList<>(instances(0, 9));
        instances.add(instance(2, InstanceState.SUCCEEDED, 1)); // a second instance of one fire
        instances.set(3, instance(3, InstanceState.RUNNING, 1));
        List<AuditLog.Run> runs = new ArrayList<>(runs(0, 9));
        runs.add(run(5, 1)); // the same attempt twice
        runs.add(run(7, 2)); // an explicit retry

        FireLedger ledger = new FireLedger(T0, END, RECENT, instances, runs);

        assertThat(ledger.duplicates()).containsExactly(T0.plusSeconds(2), T0.plusSeconds(5));
        assertThat(ledger.retries()).containsExactly(T0.plusSeconds(7));
        assertThat(ledger.unfinished()).extracting(InstanceView::fireTime).containsExactly(T0.plusSeconds(3));
    }

    @Test
    void fires_outside_the_window_are_ignored() {
        List<InstanceView> instances = new ArrayList<>(instances(-3, 12));
        FireLedger ledger = new FireLedger(T0, END, RECENT, instances, runs(-3, 12));

        assertThat(ledger.expected()).isEqualTo(10);
        assertThat(ledger.instances()).isEqualTo(10);
        assertThat(ledger.ran()).isEqualTo(10);
    }

    @Test
    void steady_run_start_is_the_oldest_of_the_newest_run_of_successes() {
        List<InstanceView> newestFirst = new ArrayList<>();
        newestFirst.add(instance(9, InstanceState.RUNNING, 1));
        for (int second = 8; second >= 3; second--) {
            newestFirst.add(instance(second, InstanceState.SUCCEEDED, 1));
        }

        assertThat(Fires.steadyRunStart(newestFirst, 5)).isEqualTo(Optional.of(T0.plusSeconds(4)));
        assertThat(Fires.steadyRunStart(newestFirst, 7)).isEmpty();
        newestFirst.remove(3); // a gap: second 6 has no instance
        assertThat(Fires.steadyRunStart(newestFirst, 5)).isEmpty();
    }

    @Test
    void audit_lines_are_read_in_the_documented_format() {
        AuditLog.Run run = AuditLog.parse("every-second|2026-11-24T10:00:03Z|42|1|7|worker-a");

        assertThat(run).isEqualTo(new AuditLog.Run("every-second", T0.plusSeconds(3), "42", 1, "7", "worker-a"));
        assertThat(AuditLog.parse("j|" + T0.plusSeconds(3).toEpochMilli() + "|1|2|3|w")
                        .fireTime())
                .isEqualTo(T0.plusSeconds(3));
    }

    private static List<InstanceView> instances(int from, int to) {
        List<InstanceView> instances = new ArrayList<>();
        for (int second = from; second <= to; second++) {
            instances.add(instance(second, InstanceState.SUCCEEDED, 1));
        }
        return instances;
    }

    private static InstanceView instance(int second, InstanceState state, int attempt) {
        Instant fire = T0.plusSeconds(second);
        return new InstanceView(
                second,
                1,
                "every-second",
                "demo",
                TriggerType.SCHEDULE,
                fire,
                state,
                attempt,
                1L,
                "worker-a",
                "server-a",
                fire,
                fire,
                state.isTerminal() ? fire : null,
                null,
                null,
                null);
    }

    private static List<AuditLog.Run> runs(int from, int to) {
        List<AuditLog.Run> runs = new ArrayList<>();
        for (int second = from; second <= to; second++) {
            runs.add(run(second, 1));
        }
        return runs;
    }

    private static AuditLog.Run run(int second, int attempt) {
        return new AuditLog.Run(
                "every-second", T0.plusSeconds(second), Integer.toString(second), attempt, "1", "worker-a");
    }
}
