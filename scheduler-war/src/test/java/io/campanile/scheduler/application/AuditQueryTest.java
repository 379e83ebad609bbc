package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void no_parameters_mean_every_entry_newest_first_fifty_a_page() {
        AuditQuery query = AuditQuery.parse(new AuditQuery.Text(null, null, null, null, null, null));
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.beforeId()).isNull();
        assertThat(query.filter().app()).isNull();
    }

    @Test
    void the_next_cursor_starts_the_page_below_the_last_entry() {
        AuditQuery query = AuditQuery.parse(new AuditQuery.Text(
                "shop", "ci", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "10", AuditQuery.cursorAfter(42)));
        assertThat(query.beforeId()).isEqualTo(42);
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.filter().actor()).isEqualTo("ci");
    }

    @Test
    void each_bad_parameter_is_refused_naming_it() {
        assertRefused(new AuditQuery.Text("a b", null, null, null, null, null), "app");
        assertRefused(new AuditQuery.Text(null, "a\u0001b", null, null, null, null), "actor");
        assertRefused(new AuditQuery.Text(null, null, "yesterday", null, null, null), "from");
        assertRefused(
                new AuditQuery.Text(null, null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", null, null), "from");
        assertRefused(new AuditQuery.Text(null, null, null, null, "0", null), "limit");
        assertRefused(new AuditQuery.Text(null, null, null, null, null, "abc"), "cursor");
        assertRefused(
                new AuditQuery.Text(
                        null,
                        null,
                        null,
                        null,
                        null,
                        InstanceQuery.parse(new InstanceQuery.Text(null, null, null, null, null, null, null, null))
                                .cursorAfter(
                                        new io.campanile.scheduler.domain.instance.FirePosition(Instant.EPOCH, 1))),
                "cursor");
    }

    private static void assertRefused(AuditQuery.Text text, String field) {
        assertThatThrownBy(() -> AuditQuery.parse(text))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
