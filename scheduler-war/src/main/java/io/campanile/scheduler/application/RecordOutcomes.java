package io.campanile.scheduler.application;

import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.AttemptOutcome;
import io.campanile.scheduler.domain.instance.AttemptSnapshot;
import io.campanile.scheduler.domain.instance.EarlierAttempt;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a batch of a worker's outcomes, set-based: each ends an attempt RUNNING on that worker. Any server
 * records them: an outcome ends what a claim started, it creates and hands out nothing. Repeating a batch is safe
 * (an outcome already recorded counts as recorded); an outcome for an attempt that is not the worker's, or that
 * already ended otherwise, is refused with the reason and changes nothing. A failure is first offered to its job's
 * retry policy ({@link RetryFailures}).
 */
@ApplicationScoped
public class RecordOutcomes {

    private InstanceRepository instances;
    private RetryFailures retries;
    private SchedulerMetrics metrics;

    protected RecordOutcomes() {}

    @Inject
    public RecordOutcomes(InstanceRepository instances, RetryFailures retries, SchedulerMetrics metrics) {
        this.instances = instances;
        this.retries = retries;
        this.metrics = metrics;
    }

    public ReportAnswer record(String appName, ReportBatch batch) {
        // a failure is first offered to its job's retry policy: retried, the instance waits for its next attempt
        Set<Long> retried = new HashSet<>();
        List<AttemptOutcome> outcomes = new ArrayList<>();
        for (Outcome o : batch.outcomes()) {
            Attempt attempt = new Attempt(o.instanceId(), o.attempt());
            String message = o.message();
            if (o.state() != ReportedState.SUCCEEDED) {
                AttemptEnd end = o.state() == ReportedState.TIMED_OUT ? AttemptEnd.TIMED_OUT : AttemptEnd.FAILED;
                RetryFailures.Verdict verdict =
                        retries.afterFailure(appName, attempt, batch.workerId(), end, o.message(), o.mayRetry());
                if (verdict.retried()) {
                    retried.add(o.instanceId());
                    continue;
                }
                message = withNote(message, verdict.note());
            }
            outcomes.add(new AttemptOutcome(attempt, o.state().toInstanceState(), message));
        }
        Map<Long, AttemptSnapshot> now = metrics
                .timed(
                        SchedulerMetrics.DbCall.REPORT,
                        () -> instances.recordOutcomes(appName, batch.workerId(), outcomes))
                .stream()
                .collect(Collectors.toMap(AttemptSnapshot::instanceId, Function.identity()));
        List<Outcome> counted = new ArrayList<>();
        int recorded = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Outcome o : batch.outcomes()) {
            AttemptSnapshot s = now.get(o.instanceId());
            if (retried.contains(o.instanceId())
                    || (s != null && s.endedAs(o.attempt(), o.state().toInstanceState(), batch.workerId()))) {
                recorded++;
                counted.add(o);
                continue;
            }
            Optional<EarlierAttempt> ended = s != null && s.attempt() > o.attempt()
                    ? instances.earlierAttempts(o.instanceId()).stream()
                            .filter(a -> a.attempt() == o.attempt())
                            .findFirst()
                    : Optional.empty();
            if (ended.isPresent() && isRepeat(ended.get(), o, batch.workerId())) {
                recorded++; // this failure, reported again: it was retried the first time
            } else {
                refused.add(new Refusal(o.instanceId(), o.attempt(), why(appName, o, s, ended, batch.workerId())));
            }
        }
        count(appName, counted);
        return new ReportAnswer(recorded, refused);
    }

    /**
     * Counts the recorded ends, and measures the fire lag of first attempts whose worker said when they started
     * (a retry's lag would measure its backoff, not the scheduler), from the fire times the worker sent back with
     * them; one read of the fire times it did not send (an older worker).
     */
    private void count(String appName, List<Outcome> recorded) {
        recorded.forEach(o -> metrics.runEnded(appName, o.state()));
        List<Outcome> timed = recorded.stream()
                .filter(o -> o.attempt() == 1 && o.startedAt() != null)
                .toList();
        List<Long> unknown = timed.stream()
                .filter(o -> o.fireTime() == null)
                .map(Outcome::instanceId)
                .toList();
        Map<Long, Instant> fireTimes = unknown.isEmpty() ? Map.of() : instances.fireTimes(appName, unknown);
        for (Outcome o : timed) {
            Instant fireTime = o.fireTime() != null ? o.fireTime() : fireTimes.get(o.instanceId());
            if (fireTime != null) {
                // a worker's clock a little behind the server's gives a negative lag: it started on time
                Duration lag = Duration.between(fireTime, o.startedAt());
                metrics.fireLag(appName, lag.isNegative() ? Duration.ZERO : lag);
            }
        }
    }

    private static boolean isRepeat(EarlierAttempt ended, Outcome o, String workerId) {
        return ended.outcome().name().equals(o.state().name()) && workerId.equals(ended.workerId());
    }

    private static String withNote(String message, String note) {
        if (note == null) {
            return message;
        }
        return message == null || message.isBlank() ? note : message + " (" + note + ")";
    }

    private static String why(
            String appName, Outcome o, AttemptSnapshot s, Optional<EarlierAttempt> ended, String workerId) {
        if (s == null) {
            return "app " + appName + " has no instance " + o.instanceId();
        }
        if (ended.isPresent() && ended.get().outcome() == AttemptEnd.WORKER_LOST) {
            return "attempt " + o.attempt() + " was given up when worker "
                    + ended.get().workerId() + " was declared lost; instance " + o.instanceId() + " is at attempt "
                    + s.attempt();
        }
        if (s.attempt() != o.attempt()) {
            return "instance " + o.instanceId() + " is at attempt " + s.attempt();
        }
        if (s.workerId() == null || !s.workerId().equals(workerId)) {
            return "attempt " + o.attempt() + " is not claimed by worker " + workerId;
        }
        return "attempt " + o.attempt() + " is " + s.state() + ", not running";
    }
}
