package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void a_line_with_start_end_and_outcome_reads_them() {
        AuditLog.Run run = AuditLog.parse("held|2026-11-24T10:00:00Z|42|2|7|worker-a|"
                + T0.plusMillis(30).toEpochMilli() + "|" + T0.plusMillis(1530).toEpochMilli() + "|interrupted");

        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.started()).isEqualTo(T0.plusMillis(30));
        assertThat(run.ended()).isEqualTo(T0.plusMillis(1530));
        assertThat(run.interrupted()).isTrue();
    }

    @Test
    void an_old_six_field_line_has_no_times() {
        AuditLog.Run run = AuditLog.parse("held|2026-11-24T10:00:00Z|42|1|7|worker-a");

        assertThat(run.started()).isNull();
        assertThat(run.interrupted()).isFalse();
    }

    @Test
    void runs_overlap_only_when_each_starts_before_the_other_ends() {
        AuditLog.Run first = held(0, 1500);

        assertThat(first.overlaps(held(1000, 2500))).isTrue();
        assertThat(held(1000, 2500).overlaps(first)).isTrue();
        assertThat(first.overlaps(held(1500, 3000)))
                .as("one starting as the other ends")
                .isFalse();
        assertThat(first.overlaps(held(2000, 3000))).isFalse();
    }

    @Test
    void a_line_with_seven_fields_is_refused() {
        assertThatThrownBy(() -> AuditLog.parse("held|2026-11-24T10:00:00Z|42|1|7|worker-a|1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 fields");
    }

    private static AuditLog.Run held(long startMillis, long endMillis) {
        return new AuditLog.Run(
                "held", T0, "1", 1, "1", "w", T0.plusMillis(startMillis), T0.plusMillis(endMillis), "done");
    }
}
