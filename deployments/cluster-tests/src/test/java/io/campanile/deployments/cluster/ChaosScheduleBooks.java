package io.campanile.deployments.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The books of a chaos soak's FIXED_DELAY, overlap, ONE_OFF and backfilled jobs ({@link ChaosJobs}), from the
 * instances and the audit runs of each instance:
 *
 * <ul>
 *   <li>FIXED_DELAY: no fire time twice; each fire in the window at least the delay after the run of the fire
 *       before it ended (so no two overlap), and ran or is FAILED with a reason; the chain still fires at the end;
 *   <li>overlap: {@link OverlapBooks} under faults, over every second of the window;
 *   <li>ONE_OFF: exactly one instance, which ran exactly once or is FAILED with a reason;
 *   <li>backfill: the first request created a run for each past fire time, the repeat none and answered the same
 *       instances; one BACKFILL instance per fire time, none other, each ran once or is FAILED with a reason.
 * </ul>
 */
final class ChaosScheduleBooks {

    /** Database timestamps and the worker's milliseconds may round differently. */
    static final Duration CLOCK_ROUNDING = Duration.ofMillis(5);
    /** A FIXED_DELAY chain with no fire this long before the window's end has stalled. */
    static final Duration STALL = Duration.ofSeconds(10);

    private final ChaosRecords records;
    private final Map<Long, List<AuditLog.Run>> runsByInstance;
    private final List<String> problems = new ArrayList<>();
    private final List<String> overlapSummaries = new ArrayList<>();
    private int delayFires;
    private int delayGapsChecked;
    private int oneOffRan;
    private int backfillRan;

    ChaosScheduleBooks(
            ChaosJobs jobs,
            ChaosRecords records,
            Map<Long, List<AuditLog.Run>> runsByInstance,
            Instant windowStart,
            Instant windowEnd) {
        this.records = records;
        this.runsByInstance = runsByInstance;
        jobs.delay().forEach(job -> checkDelay(job, windowEnd));
        jobs.overlap().forEach(job -> checkOverlap(job, windowStart, windowEnd));
        jobs.oneOff().forEach(this::checkOneOff);
        jobs.backfills().forEach(this::checkBackfill);
    }

    private List<ChaosRecords.Instance> instancesOf(long jobId, String trigger) {
        return records.instances().stream()
                .filter(i -> i.jobId() == jobId && i.trigger().equals(trigger))
                .sorted(Comparator.comparing(ChaosRecords.Instance::fireTime))
                .toList();
    }

    private List<AuditLog.Run> runs(ChaosRecords.Instance instance) {
        return runsByInstance.getOrDefault(instance.id(), List.of());
    }

    /** Ran (once per attempt, which the duplicate books check), or FAILED with a reason. */
    private boolean accounted(ChaosRecords.Instance instance) {
        return !runs(instance).isEmpty()
                || (instance.state().equals("FAILED")
                        && instance.result() != null
                        && !instance.result().isBlank());
    }

    private void checkDelay(ChaosJobs.DelayJob job, Instant windowEnd) {
        List<ChaosRecords.Instance> chain = instancesOf(job.jobId(), "SCHEDULE").stream()
                .filter(i -> !i.fireTime().isAfter(windowEnd))
                .toList();
        String label = job.app() + "/" + job.name();
        delayFires += chain.size();
        for (int i = 0; i < chain.size(); i++) {
            ChaosRecords.Instance fire = chain.get(i);
            if (fire.isTerminal() && !accounted(fire)) {
                problems.add("DELAY " + label + " fire neither ran nor recorded why: " + fire);
            }
            if (i == 0) {
                continue;
            }
            ChaosRecords.Instance before = chain.get(i - 1);
            if (before.fireTime().equals(fire.fireTime())) {
                problems.add("DELAY " + label + " fire time twice: " + before + ", " + fire);
                continue;
            }
            runs(before).stream()
                    .map(AuditLog.Run::ended)
                    .max(Comparator.naturalOrder())
                    .ifPresent(ended -> {
                        delayGapsChecked++;
                        if (fire.fireTime().plus(CLOCK_ROUNDING).isBefore(ended.plus(job.delay()))) {
                            problems.add("DELAY " + label + " fire at " + fire.fireTime() + " less than " + job.delay()
                                    + " after the run before it ended at " + ended + ": " + fire);
                        }
                    });
        }
        if (chain.isEmpty() || chain.get(chain.size() - 1).fireTime().isBefore(windowEnd.minus(STALL))) {
            problems.add("DELAY " + label + " stalled: no fire in the " + STALL + " before " + windowEnd);
        }
    }

    private void checkOverlap(ChaosJobs.OverlapJob job, Instant windowStart, Instant windowEnd) {
        List<ChaosRecords.Instance> inWindow = instancesOf(job.jobId(), "SCHEDULE").stream()
                .filter(i ->
                        !i.fireTime().isBefore(windowStart) && !i.fireTime().isAfter(windowEnd))
                .toList();
        List<InstanceRow> rows = inWindow.stream()
                .map(i -> new InstanceRow(
                        i.id(), i.jobId(), i.fireKey(), i.fireTime(), i.state(), i.attempt(), i.epoch(), i.result()))
                .toList();
        List<AuditLog.Run> runs =
                inWindow.stream().flatMap(i -> runs(i).stream()).toList();
        List<Instant> seconds = new ArrayList<>();
        for (long s = windowStart.getEpochSecond() + (windowStart.getNano() > 0 ? 1 : 0);
                s <= windowEnd.getEpochSecond();
                s++) {
            seconds.add(Instant.ofEpochSecond(s));
        }
        OverlapBooks books = new OverlapBooks(job.policy(), seconds, rows, runs, true);
        String label = job.app() + "/" + job.name();
        overlapSummaries.add("CHAOS-" + books.summary(label));
        books.problems().forEach(p -> problems.add("OVERLAP " + label + " " + p));
    }

    private void checkOneOff(ChaosJobs.OneOffJob job) {
        List<ChaosRecords.Instance> fires = instancesOf(job.jobId(), "SCHEDULE");
        String label = job.app() + "/" + job.name() + " (run at " + job.runAt() + ")";
        if (fires.size() != 1) {
            problems.add("ONE-OFF " + label + " has " + fires.size() + " instances: " + fires);
            return;
        }
        ChaosRecords.Instance fire = fires.get(0);
        int ran = runs(fire).size();
        if (ran == 1) {
            oneOffRan++;
        } else if (ran > 1 || !accounted(fire)) {
            problems.add("ONE-OFF " + label + " ran " + ran + " times: " + fire + " runs " + runs(fire));
        }
    }

    private void checkBackfill(ChaosJobs.Backfill backfill) {
        String label = backfill.app() + "/" + backfill.name() + " backfill of "
                + backfill.fireTimes().size();
        int expected = backfill.fireTimes().size();
        if (backfill.first().created() != expected) {
            problems.add("BACKFILL " + label + ": the first request created "
                    + backfill.first().created());
        }
        if (backfill.repeat().created() != 0
                || backfill.repeat().existing() != expected
                || !backfill.repeat().instanceIds().equals(backfill.first().instanceIds())) {
            problems.add(
                    "BACKFILL " + label + ": the repeat answered " + backfill.repeat() + " after " + backfill.first());
        }
        List<ChaosRecords.Instance> runsOfRange = instancesOf(backfill.jobId(), "BACKFILL");
        Map<Instant, List<ChaosRecords.Instance>> byFire =
                runsOfRange.stream().collect(Collectors.groupingBy(ChaosRecords.Instance::fireTime));
        Set<Instant> expectedTimes = new HashSet<>(backfill.fireTimes());
        for (Instant fire : backfill.fireTimes()) {
            List<ChaosRecords.Instance> instances = byFire.getOrDefault(fire, List.of());
            if (instances.size() != 1) {
                problems.add("BACKFILL " + label + ": " + fire + " has " + instances.size() + " instances");
            } else if (runs(instances.get(0)).size() == 1) {
                backfillRan++;
            } else if (!accounted(instances.get(0)) || runs(instances.get(0)).size() > 1) {
                problems.add("BACKFILL " + label + ": " + fire + " ran "
                        + runs(instances.get(0)).size() + " times: " + instances.get(0));
            }
        }
        runsOfRange.stream()
                .filter(i -> !expectedTimes.contains(i.fireTime()))
                .forEach(i -> problems.add("BACKFILL " + label + ": an instance off the range: " + i));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<String> overlapSummaries() {
        return List.copyOf(overlapSummaries);
    }

    String summary() {
        return "delay-fires=" + delayFires + " delay-gaps-checked=" + delayGapsChecked + " one-off-ran=" + oneOffRan
                + " backfill-ran=" + backfillRan;
    }
}
