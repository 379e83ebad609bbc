package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.FirePosition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceQueryTest {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00.123456Z");

    private static InstanceQuery.Text text() {
        return new InstanceQuery.Text(null, null, null, null, null, null, null, null);
    }

    private static InstanceQuery.Text withSort(String sort, String cursor) {
        return new InstanceQuery.Text(null, null, null, null, null, sort, null, cursor);
    }

    @Test
    void no_parameters_list_every_instance_newest_first_fifty_at_a_time() {
        InstanceQuery q = InstanceQuery.parse(text());
        assertThat(q.job()).isNull();
        assertThat(q.states()).isEmpty();
        assertThat(q.newestFirst()).isTrue();
        assertThat(q.limit()).isEqualTo(50);
        assertThat(q.after()).isNull();
    }

    @Test
    void every_filter_is_read() {
        InstanceQuery q = InstanceQuery.parse(new InstanceQuery.Text(
                "nightly",
                List.of("FAILED,TIMED_OUT", "CANCELLED"),
                "2026-12-01T00:00:00Z",
                "2026-12-02T00:00:00Z",
                "worker-1",
                "fireTime",
                "1000",
                null));
        assertThat(q.job()).isEqualTo(new JobRef(null, "nightly"));
        assertThat(q.states())
                .containsExactlyInAnyOrder(InstanceState.FAILED, InstanceState.TIMED_OUT, InstanceState.CANCELLED);
        assertThat(q.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(q.worker()).isEqualTo("worker-1");
        assertThat(q.newestFirst()).isFalse();
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(InstanceQuery.parse(new InstanceQuery.Text("42", null, null, null, null, null, null, null))
                        .job())
                .isEqualTo(JobRef.byId(42));
    }

    @Test
    void a_cursor_gives_back_the_position_it_was_made_from_in_the_same_order() {
        FirePosition last = new FirePosition(T, 77);
        String cursor = InstanceQuery.parse(text()).cursorAfter(last);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(InstanceQuery.parse(withSort(null, cursor)).after()).isEqualTo(last);
        assertThat(InstanceQuery.parse(withSort("-fireTime", cursor)).after()).isEqualTo(last);

        String ascending = InstanceQuery.parse(withSort("fireTime", null)).cursorAfter(last);
        assertThat(InstanceQuery.parse(withSort("fireTime", ascending)).after()).isEqualTo(last);
    }

    @Test
    void a_cursor_of_the_other_order_or_of_another_listing_is_refused() {
        String descending = InstanceQuery.parse(text()).cursorAfter(new FirePosition(T, 1));
        assertRefused(withSort("fireTime", descending), "cursor");
        assertRefused(withSort(null, JobQuery.cursorAfter("nightly")), "cursor");
    }

    @Test
    void a_cursor_that_is_not_one_is_refused_naming_it() {
        assertRefused(withSort(null, "not a cursor"), "cursor");
        assertRefused(withSort(null, "abc"), "cursor");
        assertRefused(withSort(null, ""), "cursor");
        assertRefused(withSort(null, "x".repeat(2000)), "cursor");
        String tampered = InstanceQuery.parse(text()).cursorAfter(new FirePosition(T, 1)) + "AA";
        assertRefused(withSort(null, tampered), "cursor");
        String notNumbers = java.util.Base64.getUrlEncoder()
                .encodeToString("instances\n-fireTime\nx\n0\n1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(withSort(null, notNumbers.replace("=", "")), "cursor");
    }

    @Test
    void each_bad_parameter_is_refused_naming_it() {
        assertRefused(new InstanceQuery.Text(null, List.of("DONE"), null, null, null, null, null, null), "state");
        assertRefused(new InstanceQuery.Text(null, List.of("waiting"), null, null, null, null, null, null), "state");
        assertRefused(new InstanceQuery.Text(null, null, "yesterday", null, null, null, null, null), "from");
        assertRefused(new InstanceQuery.Text(null, null, null, "2026-13-01T00:00:00Z", null, null, null, null), "to");
        assertRefused(
                new InstanceQuery.Text(
                        null, null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", null, null, null, null),
                "from");
        assertRefused(new InstanceQuery.Text(null, null, null, null, null, "name", null, null), "sort");
        assertRefused(new InstanceQuery.Text(null, null, null, null, null, null, "0", null), "limit");
        assertRefused(new InstanceQuery.Text(null, null, null, null, null, null, "1001", null), "limit");
        assertRefused(new InstanceQuery.Text(null, null, null, null, null, null, "ten", null), "limit");
        assertRefused(new InstanceQuery.Text(null, null, null, null, "w\u0000", null, null, null), "worker");
        assertRefused(new InstanceQuery.Text("a job", null, null, null, null, null, null, null), "job");
        assertRefused(new InstanceQuery.Text("0", null, null, null, null, null, null, null), "job");
        assertRefused(new InstanceQuery.Text("99999999999999999999", null, null, null, null, null, null, null), "job");
    }

    private static void assertRefused(InstanceQuery.Text text, String field) {
        assertThatThrownBy(() -> InstanceQuery.parse(text)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(RequestRejected.Kind.INVALID);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ": ");
        });
    }
}
