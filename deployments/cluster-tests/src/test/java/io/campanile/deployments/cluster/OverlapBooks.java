package io.campanile.deployments.cluster;

import io.campanile.api.OverlapPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The books of a job with an overlap policy (maxConcurrent 1) whose runs are held longer than its period, from its
 * {@code job_instance} rows and its audit lines (each with the run's start and end on the worker's clock, which is
 * the host's, as is the database's):
 *
 * <ul>
 *   <li>every fire time has exactly one row and every row has ended; no attempt ran twice, none ran unrecorded;
 *   <li>SKIP: no two runs overlap; every other fire is SKIPPED with the policy's reason, every fire not skipped ran
 *       and SUCCEEDED;
 *   <li>BUFFER_ONE: as SKIP, and when a fire comes at most one fire is held back (fired, not started, and the run
 *       before it still going; a fire released once that run ended, about to start, is no longer held);
 *   <li>BUFFER_ALL: nothing skipped, every fire ran and SUCCEEDED, one at a time, in fire-time order;
 *   <li>CANCEL_RUNNING: nothing skipped; a run still going when a later fire came is CANCELLED with the policy's
 *       reason and stays so (its report, which comes once its interrupted run ends, is refused: still attempt 1,
 *       nothing retried); every other fire ran and SUCCEEDED, the last one among them.
 * </ul>
 *
 * Each policy must also be seen acting (a fire skipped, buffered or cancelled), or its books prove nothing.
 *
 * <p>Under faults (the chaos soak) a fire may also end FAILED with a reason (its worker was lost) and be SKIPPED for
 * another recorded reason (a misfire after an outage); such fires are counted, not held against the policy.
 */
final class OverlapBooks {

    /** A later fire this close to a run's end may have been admitted after the run ended: no cancel required. */
    static final Duration TOLERANCE = Duration.ofMillis(200);

    private final OverlapPolicy policy;
    private final boolean underFaults;
    private final List<InstanceRow> rows;
    private final Map<Long, List<AuditLog.Run>> runsByInstance = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int skipped;
    private int buffered;
    private int cancelled;
    private int interrupted;
    private int maxHeld;
    private int failedWithReason;

    OverlapBooks(OverlapPolicy policy, List<Instant> fireTimes, List<InstanceRow> rows, List<AuditLog.Run> runs) {
        this(policy, fireTimes, rows, runs, false);
    }

    OverlapBooks(
            OverlapPolicy policy,
            List<Instant> fireTimes,
            List<InstanceRow> rows,
            List<AuditLog.Run> runs,
            boolean underFaults) {
        this.policy = policy;
        this.underFaults = underFaults;
        this.rows = rows.stream()
                .sorted(Comparator.comparing(InstanceRow::fireTime))
                .toList();
        Map<Long, InstanceRow> byId = rows.stream().collect(Collectors.toMap(InstanceRow::id, row -> row));
        for (AuditLog.Run run : runs) {
            InstanceRow row = byId.get(Long.parseLong(run.instanceId().trim()));
            if (row == null) {
                problems.add("a run of an instance the job does not have: " + run);
            } else if (run.started() == null) {
                problems.add("a run without its start and end: " + run);
            } else {
                runsByInstance.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(run);
            }
        }
        checkRows(fireTimes);
        checkPolicy();
    }

    private void checkRows(List<Instant> fireTimes) {
        Map<Instant, List<InstanceRow>> byFire = rows.stream().collect(Collectors.groupingBy(InstanceRow::fireTime));
        for (Instant fire : fireTimes) {
            int count = byFire.getOrDefault(fire, List.of()).size();
            if (count != 1) {
                problems.add("fire time " + fire + " has " + count + " instances");
            }
        }
        Set<Instant> expected = new HashSet<>(fireTimes);
        for (InstanceRow row : rows) {
            if (!expected.contains(row.fireTime())) {
                problems.add("an instance off the job's fire times: " + row);
            }
            if (!row.hasEnded() && !row.isSkipped() && !row.state().equals("CANCELLED")) {
                problems.add("an instance that has not ended: " + row);
            }
            List<AuditLog.Run> ran = runs(row);
            if (ran.stream().map(AuditLog.Run::attempt).distinct().count() != ran.size()) {
                problems.add("an attempt that ran twice: " + row + " runs " + ran);
            }
            if (ran.stream().anyMatch(run -> run.attempt() > row.attempt())) {
                problems.add("an attempt that ran but was never recorded: " + row + " runs " + ran);
            }
            if (row.isSkipped()) {
                boolean byPolicy = row.result() != null && row.result().contains("overlap policy " + policy);
                skipped += byPolicy ? 1 : 0;
                if (!ran.isEmpty()) {
                    problems.add("a SKIPPED fire that ran: " + row);
                }
                if (!byPolicy && !(underFaults && hasReason(row))) {
                    problems.add("a SKIPPED fire without the reason of its policy " + policy + ": " + row);
                }
            }
            if (underFaults && row.state().equals("FAILED") && hasReason(row) && ran.isEmpty()) {
                failedWithReason++;
            }
        }
    }

    private void checkPolicy() {
        List<InstanceRow> ran =
                rows.stream().filter(row -> !runs(row).isEmpty()).toList();
        countBufferedAndWaiting(ran);
        switch (policy) {
            case SKIP, BUFFER_ONE, BUFFER_ALL -> {
                rows.stream()
                        .filter(row -> !row.isSkipped()
                                && !(row.state().equals("SUCCEEDED")
                                        && runs(row).size() == 1)
                                && !(underFaults && row.state().equals("FAILED") && hasReason(row)))
                        .forEach(row -> problems.add("a fire not skipped that did not run once and succeed: " + row));
                checkOneAtATime(ran);
                if (policy == OverlapPolicy.BUFFER_ALL && skipped > 0) {
                    problems.add(skipped + " fires SKIPPED under BUFFER_ALL");
                }
                if (policy == OverlapPolicy.BUFFER_ONE && maxHeld > 1) {
                    problems.add(maxHeld + " fires held back at once under BUFFER_ONE");
                }
                boolean acted = policy == OverlapPolicy.SKIP ? skipped > 0 : buffered > 0;
                if (!acted) {
                    problems.add("no fire was " + (policy == OverlapPolicy.SKIP ? "skipped" : "buffered") + " under "
                            + policy + ": the runs did not overlap the fires, the books prove nothing");
                }
            }
            case CANCEL_RUNNING -> checkCancelRunning();
            default -> problems.add("no books for the overlap policy " + policy);
        }
    }

    /**
     * Buffered: a fire that ran although it came while the run before it was going. Held at an instant: fired, not
     * started, and the run before it still going then. (Once that run ended the owner releases the fire, BUFFERED to
     * WAITING, within a second, and a worker starts it a moment later: released, it is no longer buffered, and a new
     * fire may take its place in the buffer.) The most held at once is read at each fire time.
     */
    private void countBufferedAndWaiting(List<InstanceRow> ran) {
        for (int i = 1; i < ran.size(); i++) {
            if (ran.get(i).fireTime().isBefore(last(ran.get(i - 1)).ended())) {
                buffered++;
            }
        }
        for (InstanceRow fire : rows) {
            Instant at = fire.fireTime();
            int held = 0;
            for (int i = 0; i < ran.size(); i++) {
                InstanceRow row = ran.get(i);
                boolean behindAGoingRun = i > 0 && last(ran.get(i - 1)).ended().isAfter(at);
                if (!row.fireTime().isAfter(at) && first(row).started().isAfter(at) && behindAGoingRun) {
                    held++;
                }
            }
            maxHeld = Math.max(maxHeld, held);
        }
    }

    private void checkOneAtATime(List<InstanceRow> ran) {
        for (int i = 1; i < ran.size(); i++) {
            AuditLog.Run before = last(ran.get(i - 1));
            AuditLog.Run run = first(ran.get(i));
            if (before.overlaps(run)) {
                problems.add("two runs overlap: " + before + " and " + run);
            } else if (run.started().isBefore(before.ended())) {
                problems.add("a run started before the run of the fire before it: " + run + " before " + before);
            }
        }
    }

    private void checkCancelRunning() {
        if (skipped > 0) {
            problems.add(skipped + " fires SKIPPED under CANCEL_RUNNING");
        }
        for (InstanceRow row : rows) {
            List<AuditLog.Run> ran = runs(row);
            boolean cancelledRow = row.state().equals("CANCELLED");
            if (cancelledRow) {
                cancelled++;
                interrupted +=
                        (int) ran.stream().filter(AuditLog.Run::interrupted).count();
                if (row.result() == null || !row.result().contains("overlap policy CANCEL_RUNNING")) {
                    problems.add("a CANCELLED fire without the policy's reason: " + row);
                }
                if (row.attempt() != 1 || ran.size() > 1) {
                    problems.add("a CANCELLED fire ran again: " + row + " runs " + ran);
                }
            } else if (!(row.state().equals("SUCCEEDED")
                    && ran.size() == 1
                    && !ran.get(0).interrupted())) {
                problems.add("a fire neither CANCELLED nor run once to SUCCEEDED: " + row + " runs " + ran);
            }
            boolean goingAtALaterFire = ran.stream().anyMatch(run -> rows.stream()
                    .anyMatch(later -> later.fireTime().isAfter(row.fireTime())
                            && later.fireTime().isAfter(run.started())
                            && later.fireTime().plus(TOLERANCE).isBefore(run.ended())));
            if (goingAtALaterFire && !cancelledRow) {
                problems.add("a run going when a later fire came was not cancelled: " + row + " runs " + ran);
            }
        }
        if (!rows.isEmpty() && !rows.get(rows.size() - 1).state().equals("SUCCEEDED")) {
            problems.add("the last fire did not succeed: " + rows.get(rows.size() - 1));
        }
        if (interrupted == 0) {
            problems.add("no running fire was cancelled and interrupted under CANCEL_RUNNING: the books prove nothing");
        }
    }

    private static boolean hasReason(InstanceRow row) {
        return row.result() != null && !row.result().isBlank();
    }

    private List<AuditLog.Run> runs(InstanceRow row) {
        return runsByInstance.getOrDefault(row.id(), List.of());
    }

    private AuditLog.Run first(InstanceRow row) {
        return runs(row).stream()
                .min(Comparator.comparing(AuditLog.Run::started))
                .orElseThrow();
    }

    private AuditLog.Run last(InstanceRow row) {
        return runs(row).stream().max(Comparator.comparing(AuditLog.Run::ended)).orElseThrow();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    String summary(String job) {
        return "OVERLAP job=" + job + " policy=" + policy + " fires=" + rows.size() + " ran="
                + runsByInstance.size() + " skipped=" + skipped + " buffered=" + buffered + " max-held="
                + maxHeld + " cancelled=" + cancelled + " interrupted=" + interrupted
                + (underFaults ? " failed-with-reason=" + failedWithReason : "") + " problems="
                + problems.size();
    }
}
