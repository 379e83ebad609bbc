package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobQueryTest {

    @Test
    void no_parameters_list_every_live_job_by_name_fifty_at_a_time() {
        assertThat(JobQuery.parse(new JobQuery.Text(null, null, null, null)))
                .isEqualTo(new JobQuery(null, null, 50, null));
    }

    @Test
    void a_prefix_enabled_limit_and_cursor_are_read() {
        String cursor = JobQuery.cursorAfter("report_2");
        assertThat(JobQuery.parse(new JobQuery.Text("report_", "false", "2", cursor)))
                .isEqualTo(new JobQuery("report_", false, 2, "report_2"));
    }

    @Test
    void each_bad_parameter_is_refused_naming_it() {
        assertRefused(new JobQuery.Text("a b", null, null, null), "name");
        assertRefused(new JobQuery.Text(null, "yes", null, null), "enabled");
        assertRefused(new JobQuery.Text(null, null, "0", null), "limit");
        assertRefused(new JobQuery.Text(null, null, null, "%%%"), "cursor");
        assertRefused(
                new JobQuery.Text(null, null, null, PageCursor.of(java.util.List.of("jobs", "name", "a b"))), "cursor");
    }

    private static void assertRefused(JobQuery.Text text, String field) {
        assertThatThrownBy(() -> JobQuery.parse(text))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
