package io.campanile.deployments.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The books of a chaos soak: what the processors recorded (the audit files, one per app) against what the
 * database holds. Each list below is a failed guarantee, one entry per case, in words.
 *
 * <ul>
 *   <li>duplicates: a (job, fire time) with two instances or run by two instances; an attempt that ran twice; an
 *       attempt that ran although the instance never recorded it (a retry is only a retry when it is recorded);
 *   <li>missing: a CRON fire time in the window with no instance, or whose instance neither ran nor records why
 *       (FAILED with a result), or SUCCEEDED without a run in the audit file;
 *   <li>stuck: an instance not SUCCEEDED or FAILED whose fire time is before the window's end;
 *   <li>api lost: an API run whose creation the server confirmed (or whose instance exists) that never ran;
 *   <li>phantoms: a run in an audit file of an instance the database does not have;
 *   <li>epoch conflicts: an (app, epoch) with other than one ownership change;
 *   <li>unexplained: an ownership change after set-up that no fault explains ({@link ChaosFaultWindow#explains});
 *   <li>jobs off: a soak job that is disabled or stopped firing on a schedule error (a ONE_OFF job may be disabled
 *       once it fired);
 *   <li>the FIXED_DELAY, overlap, ONE_OFF and backfilled jobs: {@link ChaosScheduleBooks}; the jobs with retries and
 *       the interrupted runs: {@link ChaosRetryBooks}.
 * </ul>
 */
final class ChaosBooks {

    /**
     * A scheduled job of the soak (CRON, FIXED_RATE or DAILY_TIME_INTERVAL), firing every {@code periodSeconds} (a
     * divisor of 60) on the second: each fire time must have run, or be recorded FAILED or SKIPPED with a reason.
     */
    record CronJob(String app, long jobId, String name, int periodSeconds) {}

    /** A run the soak asked for; {@code confirmed}: a server answered with the instance. */
    record ApiRequest(String app, long jobId, String requestId, boolean confirmed) {}

    /** One run in an app's audit file. */
    record AppRun(String app, AuditLog.Run run) {}

    private long fires;
    private long ran;
    private long recorded;
    private long retries;
    private long apiCreated;
    private long apiRan;
    private long apiFailedWithWorker;
    private long apiUnconfirmed;
    private final List<String> duplicates = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> stuck = new ArrayList<>();
    private final List<String> apiLost = new ArrayList<>();
    private final List<String> phantoms = new ArrayList<>();
    private final List<String> epochConflicts = new ArrayList<>();
    private final List<String> ownerChanges = new ArrayList<>();
    private final List<String> unexplained = new ArrayList<>();
    private final List<String> jobsOff = new ArrayList<>();
    private final ChaosScheduleBooks scheduleBooks;
    private final ChaosRetryBooks retryBooks;

    /**
     * @param windowStart CRON fires are accounted for from here (whole seconds, inclusive)...
     * @param windowEnd ...to here; every instance with an earlier fire time must have ended
     * @param setupEnd ownership changes from here on must be explained by a fault
     * @param grace how long after a fault an ownership change still counts as caused by it
     */
    ChaosBooks(
            Instant windowStart,
            Instant windowEnd,
            Instant setupEnd,
            ChaosJobs jobs,
            List<ApiRequest> apiRequests,
            ChaosRecords records,
            List<AppRun> runs,
            List<ChaosFaultWindow> faults,
            Duration grace) {
        Map<Long, ChaosRecords.Instance> byId = new LinkedHashMap<>();
        records.instances().forEach(instance -> byId.put(instance.id(), instance));
        Map<Long, List<AuditLog.Run>> runsByInstance = new LinkedHashMap<>();
        for (AppRun appRun : runs) {
            Optional<Long> id = instanceId(appRun.run());
            ChaosRecords.Instance instance = id.map(byId::get).orElse(null);
            if (instance == null || !instance.app().equals(appRun.app())) {
                phantoms.add(appRun.app() + ": " + appRun.run());
                continue;
            }
            runsByInstance
                    .computeIfAbsent(instance.id(), k -> new ArrayList<>())
                    .add(appRun.run());
        }
        checkAttempts(byId, runsByInstance);
        checkCronFires(windowStart, windowEnd, jobs.cron(), records, runsByInstance);
        scheduleBooks = new ChaosScheduleBooks(jobs, records, runsByInstance, windowStart, windowEnd);
        retryBooks = new ChaosRetryBooks(jobs.retry(), records, runsByInstance, windowEnd);
        Map<Long, Duration> retried = new java.util.HashMap<>();
        jobs.retry().forEach(job -> retried.put(job.jobId(), job.lifetime()));
        // an instance of the retried job fired near the window's end may still be between attempts
        records.instances().stream()
                .filter(instance -> !instance.isTerminal()
                        && instance.fireTime()
                                .isBefore(windowEnd.minus(retried.getOrDefault(instance.jobId(), Duration.ZERO))))
                .forEach(instance -> stuck.add(instance.toString()));
        checkApiRuns(apiRequests, records, runsByInstance);
        checkOwnership(setupEnd, records, faults, grace);
        records.jobs().stream()
                .filter(job -> (!job.enabled() && !job.scheduleType().equals("ONE_OFF")) || job.scheduleError() != null)
                .forEach(job -> jobsOff.add(
                        job.app() + "/" + job.name() + " enabled=" + job.enabled() + " error=" + job.scheduleError()));
    }

    private static Optional<Long> instanceId(AuditLog.Run run) {
        try {
            return Optional.of(Long.parseLong(run.instanceId().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void checkAttempts(Map<Long, ChaosRecords.Instance> byId, Map<Long, List<AuditLog.Run>> runsByInstance) {
        runsByInstance.forEach((id, list) -> {
            ChaosRecords.Instance instance = byId.get(id);
            Set<Integer> attempts = new HashSet<>();
            for (AuditLog.Run run : list) {
                if (!attempts.add(run.attempt())) {
                    duplicates.add("attempt " + run.attempt() + " ran twice: " + instance + " runs " + list);
                }
                if (run.attempt() > instance.attempt()) {
                    duplicates.add("attempt " + run.attempt() + " ran but was never recorded: " + instance);
                }
                if (run.attempt() > 1) {
                    retries++;
                }
            }
        });
    }

    private void checkCronFires(
            Instant windowStart,
            Instant windowEnd,
            List<CronJob> cronJobs,
            ChaosRecords records,
            Map<Long, List<AuditLog.Run>> runsByInstance) {
        for (CronJob job : cronJobs) {
            Map<Instant, List<ChaosRecords.Instance>> byFire = records.instances().stream()
                    .filter(instance -> instance.jobId() == job.jobId()
                            && instance.trigger().equals("SCHEDULE"))
                    .collect(Collectors.groupingBy(ChaosRecords.Instance::fireTime));
            byFire.forEach((fire, list) -> {
                if (list.size() > 1) {
                    duplicates.add(job.name() + " " + fire + " has " + list.size() + " instances: " + list);
                }
            });
            long first = -Math.floorDiv(-windowStart.getEpochSecond(), job.periodSeconds()) * job.periodSeconds();
            for (long second = first; second <= windowEnd.getEpochSecond(); second += job.periodSeconds()) {
                fires++;
                Instant fire = Instant.ofEpochSecond(second);
                List<ChaosRecords.Instance> instances = byFire.getOrDefault(fire, List.of());
                boolean hasRun = instances.stream().anyMatch(i -> runsByInstance.containsKey(i.id()));
                if (instances.isEmpty()) {
                    missing.add(job.app() + "/" + job.name() + " " + fire + ": no instance");
                } else if (hasRun) {
                    ran++;
                } else if (instances.stream()
                        .anyMatch(i -> (i.state().equals("FAILED") || i.state().equals("SKIPPED"))
                                && i.result() != null
                                && !i.result().isBlank())) {
                    recorded++;
                } else if (instances.stream().allMatch(ChaosRecords.Instance::isTerminal)) {
                    missing.add(job.app() + "/" + job.name() + " " + fire + ": ended without a run or a reason: "
                            + instances);
                } // else: not ended, counted as stuck
            }
        }
    }

    /**
     * An API run claimed by a worker that was then lost (killed before it ran the run) is recorded FAILED with that
     * reason by the owner, and one that a stopping worker had claimed but not started is reported FAILED so by it: until attempts are retried elsewhere (issue 8), that is the recorded end of the run, as a
     * scheduled fire's FAILED with a reason is.
     */
    private static boolean withLostWorker(ChaosRecords.Instance instance) {
        return instance.state().equals("FAILED")
                && instance.result() != null
                && (instance.result().contains("stopped sending heartbeats")
                        || instance.result().contains("the worker stopped before it started the run"));
    }

    private void checkApiRuns(
            List<ApiRequest> requests, ChaosRecords records, Map<Long, List<AuditLog.Run>> runsByInstance) {
        for (ApiRequest request : requests) {
            Optional<ChaosRecords.Instance> instance = records.instances().stream()
                    .filter(i -> i.jobId() == request.jobId() && i.fireKey().equals("api:" + request.requestId()))
                    .findFirst();
            if (instance.isEmpty()) {
                if (request.confirmed()) {
                    apiLost.add(request + ": confirmed, but no instance");
                } else {
                    apiUnconfirmed++;
                }
                continue;
            }
            apiCreated++;
            if (runsByInstance.containsKey(instance.get().id())) {
                apiRan++;
            } else if (withLostWorker(instance.get())) {
                apiFailedWithWorker++; // recorded, as a fire's would be; issue 8 retries these elsewhere
            } else if (instance.get().isTerminal()) {
                apiLost.add(request + ": never ran: " + instance.get());
            } // else: not ended, counted as stuck
        }
    }

    private void checkOwnership(Instant setupEnd, ChaosRecords records, List<ChaosFaultWindow> faults, Duration grace) {
        records.ownerChanges().stream()
                .collect(Collectors.groupingBy(
                        change -> change.app() + " epoch " + change.epoch(), LinkedHashMap::new, Collectors.toList()))
                .forEach((key, list) -> {
                    if (list.size() != 1) {
                        epochConflicts.add(key + " has " + list.size() + " owners: " + list);
                    }
                });
        for (ChaosRecords.OwnerChange change : records.ownerChanges()) {
            if (change.changedAt().isBefore(setupEnd)) {
                continue;
            }
            // the latest of the faults that explain it: the nearest cause when a grace period overlaps the next fault
            Optional<ChaosFaultWindow> cause = faults.stream()
                    .filter(fault -> fault.explains(change.oldOwnerId(), change.changedAt(), grace))
                    .max(Comparator.comparing(ChaosFaultWindow::start));
            String line = change + " explained-by="
                    + cause.map(f -> "#" + f.number() + " " + f.fault().kind()).orElse("NONE");
            ownerChanges.add(line);
            if (cause.isEmpty()) {
                unexplained.add(line);
            }
        }
    }

    /** Every failed guarantee, labelled; empty when the soak kept them all. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        duplicates.forEach(p -> problems.add("DUPLICATE " + p));
        missing.forEach(p -> problems.add("MISSING " + p));
        stuck.forEach(p -> problems.add("STUCK " + p));
        apiLost.forEach(p -> problems.add("API-LOST " + p));
        phantoms.forEach(p -> problems.add("PHANTOM " + p));
        epochConflicts.forEach(p -> problems.add("EPOCH-CONFLICT " + p));
        unexplained.forEach(p -> problems.add("UNEXPLAINED-OWNER-CHANGE " + p));
        jobsOff.forEach(p -> problems.add("JOB-OFF " + p));
        scheduleBooks.problems().forEach(p -> problems.add("SCHEDULE " + p));
        retryBooks.problems().forEach(p -> problems.add("RETRY " + p));
        return problems;
    }

    /** One {@code CHAOS-OVERLAP ...} line per overlap job. */
    List<String> overlapSummaries() {
        return scheduleBooks.overlapSummaries();
    }

    /** The ownership changes since set-up, each with the fault that explains it (or NONE). */
    List<String> ownerChanges() {
        return List.copyOf(ownerChanges);
    }

    String summary(long seed, int faultCount) {
        return "CHAOS seed=" + seed + " faults=" + faultCount + " fires=" + fires + " ran=" + ran + " recorded="
                + recorded + " duplicates=" + duplicates.size() + " missing=" + missing.size() + " stuck="
                + stuck.size() + " retries=" + retries + " api-created=" + apiCreated + " api-ran=" + apiRan
                + " api-lost=" + apiLost.size() + " api-failed-with-worker=" + apiFailedWithWorker + " api-unconfirmed="
                + apiUnconfirmed + " phantoms="
                + phantoms.size() + " owner-changes=" + ownerChanges.size() + " unexplained=" + unexplained.size()
                + " epoch-conflicts=" + epochConflicts.size() + " " + scheduleBooks.summary() + " "
                + retryBooks.summary();
    }
}
