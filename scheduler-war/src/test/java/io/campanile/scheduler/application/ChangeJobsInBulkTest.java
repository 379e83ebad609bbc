package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.admin.JobBulkAction;
import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobResult;
import io.campanile.api.admin.JobView;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChangeJobsInBulkTest {

    private final AdminUseCases admin = new AdminUseCases().app("shop");

    private JobView job(String name) {
        return admin.jobs.create("shop", JobDefinition.cron(name, "p", "*/5 * * * * *"));
    }

    private JobView read(String name) {
        return admin.edits.get("shop", JobRef.parse(name));
    }

    @Test
    void pauses_jobs_named_by_id_and_by_name_once_each_with_the_note_and_tells_the_owner() {
        JobView a = job("a");
        job("b");
        job("c");
        admin.dueWork.jobsChecked("shop", admin.clock.instant(), null);

        JobBulkAnswer answer = admin.bulk.apply(
                "shop", new JobBulkRequest(JobBulkAction.PAUSE, List.of(a.id()), List.of("a", "b"), "upgrade"));

        assertThat(answer.changed()).isEqualTo(2);
        assertThat(answer.unchanged()).isZero();
        assertThat(answer.jobs()).extracting(JobResult::name).containsExactly("a", "b");
        assertThat(answer.jobs()).extracting(JobResult::change).containsOnly(JobChange.PAUSED);
        assertThat(read("a").enabled()).isFalse();
        assertThat(read("a").pausedNote()).isEqualTo("upgrade");
        assertThat(read("a").nextFireTime()).isNull();
        assertThat(read("c").enabled()).isTrue();
        assertThat(admin.dueWork.jobsDue("shop", admin.clock.instant()))
                .as("the owner looks at the app's jobs at its next tick")
                .isTrue();
    }

    @Test
    void a_job_already_as_asked_is_unchanged_and_keeps_its_revision() {
        job("a");
        job("b");
        admin.edits.pause("shop", JobRef.parse("a"), "earlier", null);
        long revision = read("a").revision();

        JobBulkAnswer answer = admin.bulk.apply("shop", JobBulkRequest.pause(List.of("a", "b"), "now"));

        assertThat(answer.changed()).isEqualTo(1);
        assertThat(answer.unchanged()).isEqualTo(1);
        assertThat(read("a").revision()).isEqualTo(revision);
        assertThat(read("a").pausedNote()).as("the first pause's note stays").isEqualTo("earlier");
    }

    @Test
    void resumes_paused_jobs_from_now() {
        job("a");
        admin.bulk.apply("shop", JobBulkRequest.pause(List.of("a"), null));
        admin.clock.advance(Duration.ofMinutes(1));

        JobBulkAnswer answer = admin.bulk.apply("shop", JobBulkRequest.of(JobBulkAction.RESUME, List.of("a")));

        assertThat(answer.jobs()).extracting(JobResult::change).containsExactly(JobChange.RESUMED);
        assertThat(read("a").enabled()).isTrue();
        assertThat(read("a").nextFireTime()).isNotNull();
    }

    @Test
    void deletes_jobs_and_a_deleted_job_named_by_id_again_is_unchanged() {
        JobView a = job("a");
        job("b");

        admin.bulk.apply("shop", JobBulkRequest.of(JobBulkAction.DELETE, List.of("a", "b")));
        JobBulkAnswer again =
                admin.bulk.apply("shop", new JobBulkRequest(JobBulkAction.DELETE, List.of(a.id()), null, null));

        assertThat(admin.jobs.list("shop")).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThatThrownBy(() ->
                        admin.bulk.apply("shop", new JobBulkRequest(JobBulkAction.RESUME, List.of(a.id()), null, null)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(RequestRejected.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("job " + a.id()).contains("deleted");
                });
    }

    @Test
    void an_unknown_job_among_them_changes_nothing_and_is_named() {
        job("a");
        job("b");

        assertThatThrownBy(() -> admin.bulk.apply("shop", JobBulkRequest.pause(List.of("a", "nope", "b"), null)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(RequestRejected.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("'nope'");
                });
        assertThatThrownBy(() -> admin.bulk.apply(
                        "shop", new JobBulkRequest(JobBulkAction.DELETE, List.of(424242L), List.of("a"), null)))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.getMessage()).contains("424242"));

        assertThat(admin.jobs.list("shop")).extracting(JobView::enabled).containsOnly(true);
    }

    @Test
    void bad_requests_name_the_field() {
        job("a");
        assertField(new JobBulkRequest(null, null, List.of("a"), null), "action");
        assertField(new JobBulkRequest(JobBulkAction.PAUSE, null, null, null), "ids");
        assertField(new JobBulkRequest(JobBulkAction.PAUSE, List.of(0L), null, null), "ids[0]");
        assertField(new JobBulkRequest(JobBulkAction.PAUSE, null, List.of("a", "no way"), null), "names[1]");
        assertField(new JobBulkRequest(JobBulkAction.RESUME, null, List.of("a"), "why"), "note");
        assertField(
                new JobBulkRequest(
                        JobBulkAction.PAUSE,
                        LongStream.rangeClosed(1, 1001).boxed().toList(),
                        null,
                        null),
                "ids");
        assertThatThrownBy(() -> admin.bulk.apply("nope", JobBulkRequest.pause(List.of("a"), null)))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.kind()).isEqualTo(RequestRejected.Kind.NOT_FOUND));
    }

    private void assertField(JobBulkRequest request, String field) {
        assertThatThrownBy(() -> admin.bulk.apply("shop", request))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
