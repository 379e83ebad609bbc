package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void lags_fall_into_buckets_by_their_lower_bound() {
        int[] counts = Charts.bucketCounts(List.of(-1.0, 0.0, 0.9, 1.0, 999.0, 1000.0, 5000.0));

        assertThat(counts[0]).as("< 0").isEqualTo(1);
        assertThat(counts[1]).as("0–1").isEqualTo(2);
        assertThat(counts[2]).as("1–2").isEqualTo(1);
        assertThat(counts[Charts.LAG_BOUNDS.length - 1]).as("500–1000").isEqualTo(1);
        assertThat(counts[Charts.LAG_BOUNDS.length]).as("≥ 2000").isEqualTo(1);
        assertThat(Charts.bucketLabel(Charts.LAG_BOUNDS.length)).isEqualTo("≥ 2000");
        assertThat(Charts.bucketLabel(3)).isEqualTo("2–5");
    }

    @Test
    void the_histogram_is_a_png() throws Exception {
        Path file = dir.resolve("fire-lag.png");
        Charts.fireLagHistogram(Map.of("quartz", List.of(1.5, 3.0), "db-scheduler", List.of(400.0)), file);

        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    }
}
