package io.campanile.worker.run;

import io.campanile.api.NonRetryableException;
import io.campanile.api.ProcessResult;
import io.campanile.api.ProcessorContext;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Outcome;
import io.campanile.worker.logs.RunLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed assignment on the calling thread: calls the processor and queues the outcome (the claim said it
 * started). Whatever the processor does, exactly one outcome is queued.
 */
public final class AssignmentRunner {

    private static final Logger LOG = Logger.getLogger(AssignmentRunner.class.getName());
    private final String app;
    private final ProcessorLookup processors;
    private final Consumer<Outcome> outcomes;
    private final RunWatch watch;
    private final RunLogs logs;
    /** The worker's wall clock, read once per attempt when its processor starts (reported as its start). */
    private final Clock clock = Clock.systemUTC();

    /** A runner whose attempts have no time limit: for tests. */
    public AssignmentRunner(String app, ProcessorLookup processors, Consumer<Outcome> outcomes) {
        this(app, processors, outcomes, System::nanoTime);
    }

    /** A runner whose time limits are watched by {@link #watch()}, which must run on a thread of its own. */
    public AssignmentRunner(String app, ProcessorLookup processors, Consumer<Outcome> outcomes, LongSupplier nanoTime) {
        this(app, processors, outcomes, nanoTime, RunLogs.none());
    }

    /** A runner that also gives each attempt its log, from {@code logs}. */
    public AssignmentRunner(
            String app, ProcessorLookup processors, Consumer<Outcome> outcomes, LongSupplier nanoTime, RunLogs logs) {
        this.app = app;
        this.processors = processors;
        this.outcomes = outcomes;
        this.watch = new RunWatch(nanoTime, this::timedOut);
        this.logs = logs;
    }

    /** The watch of this runner's time limits. */
    public RunWatch watch() {
        return watch;
    }

    public void run(Assignment assignment) {
        RunWatch.Running running = watch.begin(assignment);
        ProcessResult result;
        Instant startedAt = clock.instant();
        try {
            result = execute(assignment, running);
        } finally {
            watch.forget(running);
        }
        if (!running.end()) {
            LOG.info(() -> "Processor " + assignment.processor() + " returned on instance " + assignment.instanceId()
                    + " attempt " + assignment.attempt() + " after it was timed out or stopped; its result ("
                    + result.message() + ") is dropped");
            return;
        }
        if (result.success()) {
            report(assignment, ReportedState.SUCCEEDED, result.message(), null, startedAt);
        } else {
            report(
                    assignment,
                    ReportedState.FAILED,
                    result.message(),
                    result.retryable() ? null : Boolean.FALSE,
                    startedAt);
        }
    }

    /**
     * The worker stops before its runs ended: each attempt still running is interrupted and reported failed with
     * {@code reason} at once (retried per its job's policy), rather than left for the owner to find lost. Returns
     * how many.
     */
    public int interruptAll(String reason) {
        List<RunWatch.Running> interrupted = watch.interruptAll();
        interrupted.forEach(r -> report(r.assignment(), ReportedState.FAILED, reason, null));
        return interrupted.size();
    }

    private void timedOut(RunWatch.Running running) {
        Assignment a = running.assignment();
        LOG.warning(() -> "Processor " + a.processor() + " ran longer than " + Duration.ofMillis(a.timeoutMillis())
                + " on instance " + a.instanceId() + " attempt " + a.attempt() + ": interrupted, reported TIMED_OUT");
        report(
                a,
                ReportedState.TIMED_OUT,
                "timed out after " + Duration.ofMillis(a.timeoutMillis()) + ": the processor was interrupted",
                null);
    }

    /** Reports a claimed assignment that cannot run as failed, so the owner can retry it elsewhere. */
    public void refuse(Assignment assignment, String reason) {
        report(assignment, ReportedState.FAILED, reason, null);
    }

    private ProcessResult execute(Assignment assignment, RunWatch.Running running) {
        try {
            Optional<ResolvedProcessor> found = processors.resolve(assignment.processor());
            if (found.isEmpty()) {
                return ProcessResult.failure("no processor named " + assignment.processor() + " in app " + app);
            }
            try (ResolvedProcessor resolved = found.get()) {
                ProcessResult result = resolved.processor().process(context(assignment, running));
                return result != null
                        ? result
                        : ProcessResult.failure("processor " + assignment.processor() + " returned no result");
            }
        } catch (NonRetryableException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Processor " + assignment.processor() + " failed on instance " + assignment.instanceId()
                            + " attempt " + assignment.attempt() + ", not to be retried");
            return ProcessResult.failure(e.getClass().getName() + ": " + e.getMessage())
                    .notRetryable();
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Processor " + assignment.processor() + " failed on instance " + assignment.instanceId()
                            + " attempt " + assignment.attempt());
            return ProcessResult.failure(e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private ProcessorContext context(Assignment a, RunWatch.Running running) {
        return new ProcessorContext(
                a.instanceId(),
                a.jobId(),
                a.jobName(),
                app,
                a.attempt(),
                a.fireTime(),
                a.epoch(),
                a.parameters(),
                a.previousOutcome(),
                running::cancelled,
                logs.of(a));
    }

    /** @param retryable false for a failure the processor said no retry can mend; null otherwise */
    private void report(Assignment a, ReportedState state, String message, Boolean retryable) {
        report(a, state, message, retryable, null);
    }

    /** @param startedAt when the processor started (null: not known here, as for a time-out or an interruption) */
    private void report(Assignment a, ReportedState state, String message, Boolean retryable, Instant startedAt) {
        outcomes.accept(new Outcome(
                a.instanceId(),
                a.attempt(),
                state,
                ReportMessage.of(message),
                retryable,
                startedAt,
                startedAt == null ? null : a.fireTime()));
    }
}
