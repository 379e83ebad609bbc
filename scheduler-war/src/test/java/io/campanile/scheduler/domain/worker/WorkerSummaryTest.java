package io.campanile.scheduler.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerSummaryTest {

    @Test
    void without_live_workers_every_job_waits() {
        WorkerSummary none = WorkerSummary.of("shop", 0, Set.of());

        assertThat(none.jobWarning("invoice"))
                .hasValueSatisfying(w -> assertThat(w).contains("no live worker"));
        assertThat(none.waitingReason("invoice")).contains("no live worker of app shop");
    }

    @Test
    void a_processor_no_live_worker_has_is_named() {
        WorkerSummary two = WorkerSummary.of("shop", 2, Set.of("mail", "audit"));

        assertThat(two.jobWarning("invoice"))
                .hasValueSatisfying(
                        w -> assertThat(w).contains("processor 'invoice'").contains("they have audit, mail"));
        assertThat(two.waitingReason("invoice")).contains("no live worker of app shop has processor 'invoice'");
        assertThat(two.jobWarning("mail")).isEmpty();
        assertThat(two.waitingReason("mail")).as("waits only for a free slot").isEmpty();
    }

    @Test
    void unknown_processors_warn_only_about_missing_workers() {
        WorkerSummary unknown = WorkerSummary.of("shop", 1, null);

        assertThat(unknown.jobWarning("invoice")).isEmpty();
        assertThat(unknown.waitingReason("invoice")).isEmpty();
    }
}
