package io.campanile.worker.run;

import io.campanile.api.ProcessResult;
import io.campanile.api.ProcessorContext;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.StatusReport;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one assignment on the calling thread: reports RUNNING, calls the processor, reports the outcome. */
public final class AssignmentRunner {

    private static final Logger LOG = Logger.getLogger(AssignmentRunner.class.getName());
    private final String app;

    private final String workerId;
    private final ProcessorLookup processors;
    private final Consumer<StatusReport> reports;

    public AssignmentRunner(String app, String workerId, ProcessorLookup processors, Consumer<StatusReport> reports) {
        this.app = app;
        this.workerId = workerId;
        this.processors = processors;
        this.reports = reports;
    }

    public void run(Assignment assignment) {
        report(assignment, ReportedState.RUNNING, null);
        ProcessResult result = execute(assignment);
        report(assignment, result.success() ? ReportedState.SUCCEEDED : ReportedState.FAILED, result.message());
    }

    /** Reports an assignment that was taken but cannot run, so the owner can retry it elsewhere. */
    public void refuse(Assignment assignment, String reason) {
        report(assignment, ReportedState.FAILED, reason);
    }

    private ProcessResult execute(Assignment assignment) {
        try {
            Optional<ResolvedProcessor> found = processors.resolve(assignment.processor());
            if (found.isEmpty()) {
                return ProcessResult.failure("no processor named " + assignment.processor() + " in app " + app);
            }
            try (ResolvedProcessor resolved = found.get()) {
                ProcessResult result = resolved.processor().process(context(assignment));
                return result != null
                        ? result
                        : ProcessResult.failure("processor " + assignment.processor() + " returned no result");
            }
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Processor " + assignment.processor() + " failed on instance " + assignment.instanceId()
                            + " attempt " + assignment.attempt());
            return ProcessResult.failure(e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private ProcessorContext context(Assignment a) {
        return new ProcessorContext(
                a.instanceId(), a.jobId(), a.jobName(), app, a.attempt(), a.fireTime(), a.epoch(), a.parameters());
    }

    private void report(Assignment a, ReportedState state, String message) {
        reports.accept(
                new StatusReport(a.instanceId(), a.attempt(), a.epoch(), workerId, state, ReportMessage.of(message)));
    }
}
