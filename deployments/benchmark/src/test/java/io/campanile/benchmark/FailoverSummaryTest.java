package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverSummaryTest {

    @TempDir
    Path dir;

    @Test
    void each_event_is_judged_against_its_target_by_median_and_max() {
        List<Figure> figures = FailoverFigures.of(
                List.of(
                        FailoverFiguresTest.repetition(FailoverEvent.KILL, 1, 3000),
                        FailoverFiguresTest.repetition(FailoverEvent.KILL, 2, 5200),
                        FailoverFiguresTest.repetition(FailoverEvent.KILL, 3, 3500),
                        FailoverFiguresTest.repetition(FailoverEvent.GRACEFUL, 1, 600)),
                Tally.of(Set.of(), List.of()));

        String markdown = Summary.markdown("t", List.of(), figures);

        assertThat(markdown)
                .contains("## FAILOVER")
                .contains("Campanile only")
                .contains("| kill -9 | 3 | 3 | 3500 ms | 5200 ms | ≤ 5000 ms | yes | NO |")
                .contains("| graceful stop | 1 | 1 | 600 ms | 600 ms | ≤ 1000 ms | yes | yes |")
                .contains("kill -9: 3000, 5200, 3500")
                .doesNotContain("| SIGSTOP |");
    }

    @Test
    void nothing_failed_over_has_no_verdict() {
        List<Figure> figures = FailoverFigures.of(
                List.of(FailoverFiguresTest.repetition(FailoverEvent.FREEZE, 1, -1)), Tally.of(Set.of(), List.of()));

        assertThat(FailoverSummary.markdown(figures)).contains("| SIGSTOP | 1 | 0 | — | — | ≤ 5000 ms | — | — |");
    }

    @Test
    void the_timeline_is_a_png_coloured_by_owner() throws Exception {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<Execution> calls = List.of(
                new Execution("1", 1, t0, t0.plusMillis(80), 1),
                new Execution("2", 1, t0.plusMillis(100), t0.plusMillis(3500), 2),
                new Execution("3", 1, t0.plusMillis(200), t0.plusMillis(3510), 3));
        FailoverTimeline timeline = new FailoverTimeline(
                calls,
                Map.of(1L, "server-1", 2L, "server-2"),
                List.of(FailoverFiguresTest.repetition(FailoverEvent.KILL, 1, 3400)));
        Path file = dir.resolve(ResultsWriter.FAILOVER_PNG);

        timeline.draw(file);

        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(timeline.ownerOf(calls.get(1))).isEqualTo("server-2");
        assertThat(timeline.ownerOf(calls.get(2))).isEqualTo("epoch 3");
        assertThat(timeline.origin()).isEqualTo(t0.plusMillis(80));
    }
}
