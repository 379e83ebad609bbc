package io.campanile.deployments.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The books of a chaos soak's jobs with a retry policy whose processor fails at random ({@link ChaosJobs.RetryJob}),
 * and of the runs that a worker's stop or kill interrupted:
 *
 * <ul>
 *   <li>each instance ended SUCCEEDED or FAILED; SUCCEEDED only when its recorded (last) attempt ran and succeeded;
 *   <li>a failed or interrupted attempt was retried (a later attempt is recorded), or the instance is FAILED saying
 *       why not ("not retried: ..." once the policy's attempts or its deadline are used up, or a lost worker);
 *   <li>no attempt beyond the policy's {@code maxAttempts}.
 * </ul>
 *
 * Attempts that never wrote a line (the worker died first) are counted as unaudited, not held against the books: the
 * duplicate books already refuse any attempt that ran twice or ran unrecorded.
 */
final class ChaosRetryBooks {

    private final Map<Long, List<AuditLog.Run>> runsByInstance;
    private final List<String> problems = new ArrayList<>();
    private int instances;
    private int succeeded;
    private int failed;
    private int failedAttempts;
    private int retried;
    private int interrupted;
    private int unaudited;

    ChaosRetryBooks(
            List<ChaosJobs.RetryJob> jobs,
            ChaosRecords records,
            Map<Long, List<AuditLog.Run>> runsByInstance,
            Instant windowEnd) {
        this.runsByInstance = runsByInstance;
        for (ChaosJobs.RetryJob job : jobs) {
            records.instances().stream()
                    .filter(i -> i.jobId() == job.jobId() && i.fireTime().isBefore(windowEnd.minus(job.lifetime())))
                    .forEach(i -> check(job, i));
        }
        interrupted += (int) runsByInstance.values().stream()
                .flatMap(List::stream)
                .filter(AuditLog.Run::interrupted)
                .count();
    }

    private void check(ChaosJobs.RetryJob job, ChaosRecords.Instance instance) {
        instances++;
        String label = job.app() + "/" + job.name() + " ";
        List<AuditLog.Run> runs = runsByInstance.getOrDefault(instance.id(), List.of()).stream()
                .sorted(Comparator.comparingInt(AuditLog.Run::attempt))
                .toList();
        unaudited += Math.max(0, instance.attempt() - runs.size());
        if (instance.attempt() > job.maxAttempts()) {
            problems.add(label + "attempt " + instance.attempt() + " beyond the policy's " + job.maxAttempts() + ": "
                    + instance);
        }
        for (AuditLog.Run run : runs) {
            if (!"done".equals(run.outcome())) {
                failedAttempts++;
                if (run.attempt() < instance.attempt()) {
                    retried++;
                }
            }
        }
        Optional<AuditLog.Run> last =
                runs.stream().filter(run -> run.attempt() == instance.attempt()).findFirst();
        switch (instance.state()) {
            case "SUCCEEDED" -> {
                succeeded++;
                if (last.isEmpty() || !"done".equals(last.get().outcome())) {
                    problems.add(label + "SUCCEEDED but its attempt " + instance.attempt() + " did not run to success: "
                            + instance + " runs " + runs);
                }
            }
            case "FAILED" -> {
                failed++;
                boolean saysWhy =
                        instance.result() != null && !instance.result().isBlank();
                boolean attemptsLeft = instance.attempt() < job.maxAttempts();
                boolean notRetried = saysWhy
                        && (instance.result().contains("not retried")
                                || instance.result().contains("heartbeat")
                                || instance.result().contains("stopped"));
                if (!saysWhy) {
                    problems.add(label + "FAILED without a reason: " + instance);
                } else if (attemptsLeft && !notRetried) {
                    problems.add(label + "FAILED with attempts left and not saying why it was not retried: " + instance
                            + " runs " + runs);
                }
                if (last.isPresent() && "done".equals(last.get().outcome())) {
                    problems.add(label + "FAILED although its last attempt succeeded: " + instance + " runs " + runs);
                }
            }
            default -> {
                // not ended: the stuck books count it
            }
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    String summary() {
        return "retry-instances=" + instances + " retry-succeeded=" + succeeded + " retry-failed=" + failed
                + " failed-attempts=" + failedAttempts + " retried=" + retried + " interrupted-runs=" + interrupted
                + " unaudited-attempts=" + unaudited;
    }
}
