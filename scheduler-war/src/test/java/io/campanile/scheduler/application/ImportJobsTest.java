package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.DispatchStrategy;
import io.campanile.api.GapRule;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobResult;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.RoutingDefinition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportJobsTest {

    private final AdminUseCases admin = new AdminUseCases().app("from").app("to");

    /** One job of each schedule type, with policies, retries and routing other than the defaults. */
    @BeforeEach
    void jobsOfEveryKind() {
        List<JobDefinition> kinds = List.of(
                JobDefinition.cron("cron", "p", "0 30 2 * * *")
                        .withTimeZone("Europe/Berlin")
                        .withGapRule(GapRule.SKIP)
                        .withMisfire(MisfirePolicy.FIRE_ALL, Duration.ofMinutes(30))
                        .withOverlap(OverlapPolicy.BUFFER_ONE, 2)
                        .withParameters("{\"day\":3}"),
                JobDefinition.fixedRate("rate", "p", Duration.ofSeconds(5))
                        .withRetry(new RetryDefinition(3, "PT2S", null, 0.5, null))
                        .withTimeout(Duration.ofMinutes(1)),
                JobDefinition.of("delay", "p", ScheduleType.FIXED_DELAY)
                        .withInterval(Duration.ofSeconds(30))
                        .withRouting(new RoutingDefinition(
                                DispatchStrategy.ROUND_ROBIN, List.of("w1"), List.of("gpu"), 10L, null, null, 2)),
                JobDefinition.oneOff("once", "p", AdminUseCases.T0.plusSeconds(3600)),
                JobDefinition.dailyTimeInterval(
                                "office", "p", LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofMinutes(15))
                        .withDaysOfWeek(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)),
                JobDefinition.onDemand("api", "p").withLogsLocal(true).withEnabled(false));
        kinds.forEach(d -> admin.jobs.create("from", d));
    }

    @Test
    void an_export_imported_into_another_app_reproduces_its_jobs_and_again_changes_nothing() {
        JobExport exported = admin.exports.export("from");

        JobImportAnswer first = admin.imports.importJobs("to", exported, false);
        admin.clock.advance(Duration.ofMinutes(5));
        JobImportAnswer second = admin.imports.importJobs("to", admin.exports.export("from"), false);

        assertThat(exported.formatVersion()).isEqualTo(1);
        assertThat(exported.jobs())
                .extracting(JobDefinition::name)
                .containsExactly("api", "cron", "delay", "office", "once", "rate");
        assertThat(first.created()).isEqualTo(6);
        assertThat(second.unchanged()).isEqualTo(6);
        assertThat(second.jobs()).extracting(JobResult::change).containsOnly(JobChange.UNCHANGED);
        assertThat(admin.exports.export("to").jobs()).isEqualTo(exported.jobs());
        assertThat(admin.jobs.list("to"))
                .filteredOn(j -> j.name().equals("api"))
                .extracting(JobView::enabled)
                .containsExactly(false);
    }

    @Test
    void a_job_defined_otherwise_is_updated_from_now_and_the_rest_left_as_they_are() {
        admin.imports.importJobs("to", admin.exports.export("from"), false);
        long revision = admin.edits.get("to", JobRef.parse("rate")).revision();
        List<JobDefinition> changed = new ArrayList<>(admin.exports.export("to").jobs());
        changed.set(5, changed.get(5).withInterval(Duration.ofSeconds(10)));
        changed.add(JobDefinition.onDemand("extra", "p"));

        JobImportAnswer answer = admin.imports.importJobs("to", JobExport.of(changed), false);

        assertThat(answer.updated()).isEqualTo(1);
        assertThat(answer.created()).isEqualTo(1);
        assertThat(answer.unchanged()).isEqualTo(5);
        assertThat(answer.jobs())
                .filteredOn(r -> r.name().equals("rate"))
                .extracting(JobResult::change)
                .containsExactly(JobChange.UPDATED);
        JobView rate = admin.edits.get("to", JobRef.parse("rate"));
        assertThat(rate.interval()).isEqualTo("PT10S");
        assertThat(rate.revision()).isGreaterThan(revision);
    }

    @Test
    void jobs_not_in_the_document_are_deleted_only_when_asked() {
        admin.imports.importJobs("to", admin.exports.export("from"), false);
        JobExport two = JobExport.of(admin.exports.export("from").jobs().subList(0, 2));

        JobImportAnswer kept = admin.imports.importJobs("to", two, false);
        JobImportAnswer pruned = admin.imports.importJobs("to", two, true);

        assertThat(kept.deleted()).isZero();
        assertThat(pruned.deleted()).isEqualTo(4);
        assertThat(pruned.jobs())
                .filteredOn(r -> r.change() == JobChange.DELETED)
                .extracting(JobResult::name)
                .containsExactly("delay", "office", "once", "rate");
        assertThat(admin.jobs.list("to")).extracting(JobView::name).containsExactly("api", "cron");
    }

    @Test
    void a_bad_job_is_named_by_its_place_and_nothing_is_imported() {
        List<JobDefinition> jobs = new ArrayList<>(admin.exports.export("from").jobs());
        jobs.set(3, JobDefinition.cron("broken", "p", "* * *"));

        assertRejected(JobExport.of(jobs), "jobs[3].cron");
        jobs.set(3, JobDefinition.onDemand("cron", "p"));
        assertRejected(JobExport.of(jobs), "jobs[3].name");
        jobs.set(3, null);
        assertRejected(JobExport.of(jobs), "jobs[3]");
        assertRejected(new JobExport(2, null, null, List.of()), "formatVersion");
        assertRejected(new JobExport(null, null, null, List.of()), "formatVersion");
        assertRejected(new JobExport(1, null, null, null), "jobs");
        assertThat(admin.jobs.list("to")).isEmpty();
    }

    private void assertRejected(JobExport document, String field) {
        assertThatThrownBy(() -> admin.imports.importJobs("to", document, true))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }
}
