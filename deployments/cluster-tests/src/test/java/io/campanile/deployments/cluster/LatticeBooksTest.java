package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatticeBooksTest {

    /** A fixed rate of 1 s anchored at a half second, as the cluster test's FIXED_RATE job. */
    private static final Lattice RATE = new Lattice(Instant.parse("2026-11-24T10:00:00.500Z"), Duration.ofSeconds(1));

    private static final Instant FIRST = RATE.anchor();
    private static final Instant LAST = FIRST.plusSeconds(9);

    @Test
    void lattice_times_start_at_the_anchor_and_step_by_the_period() {
        assertThat(RATE.timesIn(FIRST.minusSeconds(5), FIRST.plusMillis(2100)))
                .containsExactly(FIRST, FIRST.plusSeconds(1), FIRST.plusSeconds(2));
        assertThat(RATE.timesIn(FIRST.plusMillis(1), FIRST.plusSeconds(1))).containsExactly(FIRST.plusSeconds(1));
        assertThat(RATE.contains(FIRST.plusSeconds(3))).isTrue();
        assertThat(RATE.contains(FIRST.plusMillis(3499))).isFalse();
        assertThat(RATE.contains(FIRST.minusSeconds(1))).as("before the anchor").isFalse();
        assertThat(Lattice.everySecond().contains(Instant.parse("2026-11-24T10:00:07Z")))
                .isTrue();
    }

    @Test
    void every_time_run_once_or_skipped_with_a_reason_is_clean() {
        List<InstanceRow> rows = ran(0, 9);
        rows.set(4, skipped(4, "local time 02:30 does not exist"));
        List<AuditLog.Run> runs = runsOf(rows);

        LatticeBooks books = books(rows, runs);

        assertClean(books);
        assertThat(books.summary())
                .endsWith("times=10 instances=10 skipped=1 duplicates=0 extra-runs=0 missing=0 unaccounted=0"
                        + " off-lattice=0");
    }

    @Test
    void a_lattice_time_without_a_row_is_missing() {
        List<InstanceRow> rows = ran(0, 9);
        rows.remove(6);

        LatticeBooks books = books(rows, runsOf(rows));

        assertThat(books.missing()).containsExactly(FIRST.plusSeconds(6));
        assertThat(books.duplicates()).isEmpty();
    }

    @Test
    void two_rows_of_one_fire_time_are_a_duplicate_even_under_different_fire_keys() {
        List<InstanceRow> rows = ran(0, 9);
        rows.add(skipped(3, "a reason")); // a SKIPPED row beside the scheduled one: the unique key allows it

        LatticeBooks books = books(rows, runsOf(rows));

        assertThat(books.duplicates()).hasSize(1).first().asString().startsWith(FIRST.plusSeconds(3) + " has 2");
    }

    @Test
    void an_instance_run_twice_and_a_run_without_an_instance_are_extra_runs() {
        List<InstanceRow> rows = ran(0, 9);
        List<AuditLog.Run> runs = new ArrayList<>(runsOf(rows));
        runs.add(run(rows.get(2))); // the same instance again
        runs.add(new AuditLog.Run("rate", FIRST.plusSeconds(5), "999", 1, "1", "worker-a"));

        LatticeBooks books = books(rows, runs);

        assertThat(books.extraRuns()).hasSize(2);
        assertThat(books.extraRuns().get(0)).contains("instance 102 ").contains("ran 2 times");
        assertThat(books.extraRuns().get(1)).contains("instance 999").contains("does not have");
    }

    @Test
    void a_row_that_never_ran_did_not_end_or_was_skipped_without_reason_is_unaccounted() {
        List<InstanceRow> rows = ran(0, 9);
        rows.set(2, row(2, "RUNNING", null)); // ran, outcome not recorded
        rows.set(3, skipped(3, " ")); // no reason
        List<AuditLog.Run> runs = new ArrayList<>(runsOf(rows));
        runs.removeIf(run -> run.instanceId().equals("101")); // never ran
        runs.add(run(rows.get(3))); // and the SKIPPED row ran

        LatticeBooks books = books(rows, runs);

        assertThat(books.unaccounted())
                .containsExactly(
                        rows.get(1) + " never ran",
                        rows.get(2) + " ran but did not end",
                        rows.get(3) + " is SKIPPED without a reason",
                        rows.get(3) + " is SKIPPED but ran");
        assertThat(books.missing()).isEmpty();
    }

    @Test
    void a_fire_time_off_the_lattice_is_reported() {
        List<InstanceRow> rows = ran(0, 9);
        InstanceRow drifted = new InstanceRow(
                150, 7, FIRST.plusMillis(4200).toString(), FIRST.plusMillis(4200), "SUCCEEDED", 1, 1, null);
        rows.add(drifted);

        LatticeBooks books = books(rows, runsOf(rows));

        assertThat(books.offLattice()).containsExactly(drifted + " at " + drifted.fireTime());
    }

    @Test
    void rows_and_runs_outside_the_window_are_not_counted() {
        List<InstanceRow> rows = ran(-3, 12);
        List<AuditLog.Run> runs = new ArrayList<>(runsOf(rows));
        runs.add(run(rows.get(0))); // a double run before the window

        LatticeBooks books = books(rows, runs);

        assertClean(books);
        assertThat(books.times()).isEqualTo(10);
    }

    private static LatticeBooks books(List<InstanceRow> rows, List<AuditLog.Run> runs) {
        return new LatticeBooks("rate", RATE, FIRST, LAST, rows, runs);
    }

    private static void assertClean(LatticeBooks books) {
        assertThat(books.duplicates()).isEmpty();
        assertThat(books.extraRuns()).isEmpty();
        assertThat(books.missing()).isEmpty();
        assertThat(books.unaccounted()).isEmpty();
        assertThat(books.offLattice()).isEmpty();
    }

    /** One SUCCEEDED row per lattice time from {@code from} to {@code to} (seconds after the first). */
    private static List<InstanceRow> ran(int from, int to) {
        List<InstanceRow> rows = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            rows.add(row(k, "SUCCEEDED", null));
        }
        return rows;
    }

    private static InstanceRow row(int k, String state, String result) {
        Instant fire = FIRST.plusSeconds(k);
        return new InstanceRow(100 + k, 7, fire.toString(), fire, state, 1, 1, result);
    }

    private static InstanceRow skipped(int k, String reason) {
        Instant fire = FIRST.plusSeconds(k);
        return new InstanceRow(200 + k, 7, "skip:" + fire, fire, InstanceRow.SKIPPED, 1, 1, reason);
    }

    private static List<AuditLog.Run> runsOf(List<InstanceRow> rows) {
        return rows.stream()
                .filter(row -> !row.isSkipped())
                .map(LatticeBooksTest::run)
                .toList();
    }

    private static AuditLog.Run run(InstanceRow row) {
        return new AuditLog.Run("rate", row.fireTime(), Long.toString(row.id()), 1, "1", "worker-a");
    }
}
