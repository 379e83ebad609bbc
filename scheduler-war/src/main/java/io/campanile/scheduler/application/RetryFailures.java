package io.campanile.scheduler.application;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.AttemptEnd;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import io.campanile.scheduler.domain.job.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Applies a job's retry policy to an attempt that did not succeed (its worker reported a failure, or was lost while
 * it ran): the instance waits for its next attempt after the backoff, the ended attempt kept in its history, or it
 * ends as the caller records it, with a note of why it was not retried. Any server may do this, as any server
 * records outcomes: the retry is a conditional update of the running attempt, so a repeated or late report changes
 * nothing; the owner hands the next attempt out when it is due.
 */
@ApplicationScoped
public class RetryFailures {

    private InstanceRepository instances;
    private JobRepository jobs;
    private DueWork dueWork;
    private ServerIdentity me;
    private Clock clock;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    protected RetryFailures() {}

    @Inject
    public RetryFailures(
            InstanceRepository instances, JobRepository jobs, DueWork dueWork, ServerIdentity me, DatabaseClock clock) {
        this.instances = instances;
        this.jobs = jobs;
        this.dueWork = dueWork;
        this.me = me;
        this.clock = clock;
    }

    /** For tests: the numbers that spread the backoff. */
    RetryFailures withRandom(DoubleSupplier numbers) {
        this.random = numbers;
        return this;
    }

    /**
     * What became of a failed attempt: retried (the instance waits for its next attempt at {@code retryAt}), or not,
     * with a note to add to its result (null: nothing to say, the job has no retries).
     */
    public record Verdict(Instant retryAt, String note) {

        static final Verdict NOT_RUNNING = new Verdict(null, null);

        public boolean retried() {
            return retryAt != null;
        }
    }

    /**
     * Retries the attempt RUNNING on the worker if its job's policy allows another attempt.
     *
     * @param retryable false when the processor said no retry can mend the failure
     */
    public Verdict afterFailure(
            String appName, Attempt attempt, String workerId, AttemptEnd end, String message, boolean retryable) {
        Optional<JobInstance> found = instances
                .find(attempt.instanceId())
                .filter(i -> i.appName().equals(appName)
                        && i.attempt() == attempt.attempt()
                        && i.state() == InstanceState.RUNNING
                        && workerId.equals(i.workerId()));
        if (found.isEmpty()) {
            return Verdict.NOT_RUNNING; // the conditional end that follows refuses it and says why
        }
        JobInstance instance = found.get();
        Job job = jobs.find(appName, instance.jobId()).orElse(null);
        if (job == null || job.retry().maxAttempts() == 1) {
            return new Verdict(null, null);
        }
        if (!retryable) {
            return new Verdict(null, "not retried: the processor said no retry can mend it");
        }
        RetryPolicy.Decision decision = job.retry()
                .afterFailure(
                        attempt.attempt(),
                        instance.fireTime(),
                        clock.instant(),
                        deadlineFire(job),
                        random.getAsDouble());
        if (!decision.retries()) {
            return new Verdict(null, "not retried: " + decision.whyNot());
        }
        if (!instances.retry(attempt, workerId, end, message, decision.retryAt(), me.id())) {
            return Verdict.NOT_RUNNING;
        }
        dueWork.workDueAt(appName, decision.retryAt());
        return new Verdict(decision.retryAt(), null);
    }

    /**
     * The job's next fire time, the default deadline of a retry. None for a FIXED_DELAY job: its next fire follows
     * the end of this one, so a retry never runs into it (its stored next fire time is only when the owner looks
     * again).
     */
    private static Instant deadlineFire(Job job) {
        return FixedDelayFires.applies(job) ? null : job.nextFireTime().orElse(null);
    }
}
