package io.campanile.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a benchmark run's output into one directory: {@code results.jsonl} (one figure a line),
 * {@code summary.md} (also printed), {@code fire-lag.png}, {@code throughput.png} and {@code failover-timeline.png}.
 */
final class ResultsWriter {

    static final String RESULTS = "results.jsonl";
    static final String SUMMARY = "summary.md";
    static final String FIRE_LAG_PNG = "fire-lag.png";
    static final String THROUGHPUT_PNG = "throughput.png";
    static final String FAILOVER_PNG = "failover-timeline.png";

    private ResultsWriter() {}

    static void write(Path dir, String title, Results results) {
        try {
            Files.createDirectories(dir);
            List<Figure> figures = results.figures();
            Files.writeString(
                    dir.resolve(RESULTS),
                    figures.stream().map(Figure::toJson).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
            String summary = Summary.markdown(title, results.notes(), figures, results.sections());
            Files.writeString(dir.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
            if (!results.fireLags().isEmpty()) {
                Charts.fireLagHistogram(results.fireLags(), dir.resolve(FIRE_LAG_PNG));
            }
            List<Figure> throughput = figures.stream()
                    .filter(f ->
                            f.scenario() == Scenario.THROUGHPUT && f.metric().equals("throughput"))
                    .toList();
            if (!throughput.isEmpty()) {
                Charts.bars(
                        "Throughput: a backlog of one-off runs due now",
                        "runs/s",
                        throughput,
                        dir.resolve(THROUGHPUT_PNG));
            }
            results.failoverTimeline().ifPresent(timeline -> timeline.draw(dir.resolve(FAILOVER_PNG)));
            System.out.println(summary);
            System.out.println("benchmark output: " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir, e);
        }
    }
}
