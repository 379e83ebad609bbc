package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.NonRetryableException;
import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the runner tells the server about a run: its state, its message, and whether a failure may be retried. */
class AssignmentRunnerTest {

    private final List<Outcome> reported = new ArrayList<>();

    private AssignmentRunner runner(Processor processor) {
        return new AssignmentRunner("billing", name -> Optional.of(ResolvedProcessor.of(processor)), reported::add);
    }

    @Test
    void a_retry_sees_its_attempt_and_how_the_attempt_before_it_ended() {
        AtomicReference<ProcessorContext> seen = new AtomicReference<>();

        runner(context -> {
                    seen.set(context);
                    return ProcessResult.success("ok");
                })
                .run(assignment(2, "attempt 1 failed: boom"));

        assertThat(seen.get().attempt()).isEqualTo(2);
        assertThat(seen.get().previousOutcome()).isEqualTo("attempt 1 failed: boom");
        assertThat(reported).containsExactly(new Outcome(41, 2, ReportedState.SUCCEEDED, "ok", null));
    }

    @Test
    void a_failure_may_be_retried_unless_the_processor_says_no_retry_can_mend_it() {
        runner(context -> ProcessResult.failure("flaky")).run(assignment(1, null));
        runner(context -> ProcessResult.failure("bad input").notRetryable()).run(assignment(1, null));
        runner(context -> {
                    throw new NonRetryableException("no such customer");
                })
                .run(assignment(1, null));
        runner(context -> {
                    throw new IllegalStateException("database down");
                })
                .run(assignment(1, null));

        assertThat(reported).extracting(Outcome::mayRetry).containsExactly(true, false, false, true);
        assertThat(reported.get(2).message()).contains("no such customer");
    }

    private static Assignment assignment(int attempt, String previousOutcome) {
        return new Assignment(
                41, attempt, 7, "job-7", "p", Instant.parse("2026-11-24T10:00:05Z"), 3, null, previousOutcome);
    }
}
