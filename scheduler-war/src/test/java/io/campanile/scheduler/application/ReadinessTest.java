package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void ready_when_every_check_passes() {
        Readiness readiness = new Readiness(List.of(check("database", null), check("migrations", null)));

        Readiness.Report report = readiness.check();

        assertThat(report.ready()).isTrue();
        assertThat(report.checks()).containsEntry("database", "UP").containsEntry("migrations", "UP");
    }

    @Test
    void not_ready_naming_each_failed_check() {
        Readiness readiness = new Readiness(List.of(
                check("database", "SELECT 1 failed"), check("migrations", "2 pending"), check("timerLoops", null)));

        Readiness.Report report = readiness.check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks())
                .containsEntry("database", "SELECT 1 failed")
                .containsEntry("migrations", "2 pending")
                .containsEntry("timerLoops", "UP");
    }

    @Test
    void a_check_that_throws_counts_as_failed() {
        ReadinessCheck broken = new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Optional<String> problem() {
                throw new IllegalStateException("boom");
            }
        };

        Readiness.Report report = new Readiness(List.of(broken)).check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get("database")).contains("IllegalStateException");
    }

    @Test
    void loops_are_ready_once_both_stepped_and_not_once_stopped() {
        ServerLoops loops = new ServerLoops();
        assertThat(loops.problem()).contains("not started yet: dispatch, tick");

        loops.stepped("tick");
        assertThat(loops.problem()).contains("not started yet: dispatch");

        loops.stepped("dispatch");
        assertThat(loops.problem()).isEmpty();

        loops.stopped();
        assertThat(loops.problem()).hasValueSatisfying(p -> assertThat(p).contains("stopping"));
    }

    private static ReadinessCheck check(String name, String problem) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                return Optional.ofNullable(problem);
            }
        };
    }
}
