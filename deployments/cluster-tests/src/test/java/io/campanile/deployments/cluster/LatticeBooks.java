package io.campanile.deployments.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The books of one job whose fire times form a {@link Lattice}, from {@code from} to {@code to} (both inclusive):
 * its rows in {@code job_instance} against the runs in the worker's audit file. Every lattice time must be
 * accounted for exactly once: by one instance that ran (a run in the audit file, and SUCCEEDED or FAILED in the
 * database) or by one SKIPPED row that says why. Each list below is a broken promise, one entry per case, in words.
 *
 * <ul>
 *   <li>duplicates: a fire time with two rows. Counted by fire time, not by fire key: the unique key makes two rows
 *       of one key impossible, but not a SKIPPED row ({@code skip:...}) beside a scheduled one of the same time;
 *   <li>extra runs: a second run of one instance (no worker is lost in these tests, so no retry is due), or a run
 *       of an instance the database does not have;
 *   <li>missing: a lattice time without a row;
 *   <li>unaccounted: a row that neither ran and ended nor is SKIPPED with a reason (never run, run but not ended,
 *       SKIPPED without a reason, or SKIPPED and run all the same);
 *   <li>off the lattice: a row whose fire time is not a lattice time.
 * </ul>
 */
final class LatticeBooks {

    private final String job;
    private final Lattice lattice;
    private final Instant from;
    private final Instant to;
    private final int times;
    private final int rows;
    private final long skipped;
    private final List<String> duplicates = new ArrayList<>();
    private final List<String> extraRuns = new ArrayList<>();
    private final List<Instant> missing = new ArrayList<>();
    private final List<String> unaccounted = new ArrayList<>();
    private final List<String> offLattice = new ArrayList<>();

    /** @param runs the job's runs in the audit file (all of them: those of rows outside the window are ignored) */
    LatticeBooks(
            String job, Lattice lattice, Instant from, Instant to, List<InstanceRow> allRows, List<AuditLog.Run> runs) {
        this.job = job;
        this.lattice = lattice;
        this.from = from;
        this.to = to;
        List<InstanceRow> inWindow = allRows.stream()
                .filter(row -> !row.fireTime().isBefore(from) && !row.fireTime().isAfter(to))
                .toList();
        Map<Instant, List<InstanceRow>> byFireTime =
                inWindow.stream().collect(Collectors.groupingBy(InstanceRow::fireTime));
        Map<String, List<AuditLog.Run>> runsByInstance =
                runs.stream().collect(Collectors.groupingBy(AuditLog.Run::instanceId));
        List<Instant> expected = lattice.timesIn(from, to);
        this.times = expected.size();
        this.rows = inWindow.size();
        this.skipped = inWindow.stream().filter(InstanceRow::isSkipped).count();

        expected.stream().filter(time -> !byFireTime.containsKey(time)).forEach(missing::add);
        byFireTime.forEach((time, list) -> {
            if (list.size() > 1) {
                duplicates.add(time + " has " + list.size() + " instances: " + list);
            }
        });
        for (InstanceRow row : inWindow) {
            int ran = runsByInstance
                    .getOrDefault(Long.toString(row.id()), List.of())
                    .size();
            if (ran > 1) {
                extraRuns.add(row + " ran " + ran + " times");
            }
            accountFor(row, ran);
            if (!lattice.contains(row.fireTime())) {
                offLattice.add(row + " at " + row.fireTime());
            }
        }
        Set<String> known = allRows.stream().map(row -> Long.toString(row.id())).collect(Collectors.toSet());
        runs.stream()
                .filter(run -> !run.fireTime().isBefore(from) && !run.fireTime().isAfter(to))
                .filter(run -> !known.contains(run.instanceId()))
                .forEach(run -> extraRuns.add("a run of instance " + run.instanceId() + " (fire time " + run.fireTime()
                        + ") that the database does not have"));
        duplicates.sort(null);
    }

    private void accountFor(InstanceRow row, int ran) {
        if (row.isSkipped()) {
            if (row.result() == null || row.result().isBlank()) {
                unaccounted.add(row + " is SKIPPED without a reason");
            }
            if (ran > 0) {
                unaccounted.add(row + " is SKIPPED but ran");
            }
        } else if (ran == 0) {
            unaccounted.add(row + " never ran");
        } else if (!row.hasEnded()) {
            unaccounted.add(row + " ran but did not end");
        }
    }

    List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    List<String> extraRuns() {
        return List.copyOf(extraRuns);
    }

    List<Instant> missing() {
        return List.copyOf(missing);
    }

    List<String> unaccounted() {
        return List.copyOf(unaccounted);
    }

    List<String> offLattice() {
        return List.copyOf(offLattice);
    }

    int times() {
        return times;
    }

    /** {@code LATTICE job=... times=N instances=N skipped=N duplicates=0 extra-runs=0 missing=0 ...}. */
    String summary() {
        return "LATTICE job=" + job + " lattice=" + lattice + " window=" + from + ".." + to + " times=" + times
                + " instances=" + rows + " skipped=" + skipped + " duplicates=" + duplicates.size() + " extra-runs="
                + extraRuns.size() + " missing=" + missing.size() + " unaccounted=" + unaccounted.size()
                + " off-lattice=" + offLattice.size();
    }
}
