package io.campanile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {

    @TempDir
    Path dir;

    @Test
    void reads_what_was_added_since_and_leaves_a_half_written_line_for_later() throws IOException {
        Path file = dir.resolve("records.txt");
        RecordFile records = new RecordFile(file);
        assertThat(records.executions()).isEmpty();

        append(file, "17|1|2026-11-30T06:00:00Z|2026-11-30T06:00:00.012345Z\n18|2|2026-11-30T06:00:01Z|2026");
        assertThat(records.executions())
                .containsExactly(new Execution(
                        "17", 1, Instant.parse("2026-11-30T06:00:00Z"), Instant.parse("2026-11-30T06:00:00.012345Z")));

        append(file, "-11-30T06:00:01.5Z\n");
        assertThat(records.executions()).hasSize(2);
        assertThat(records.executions().get(1).lag().toMillis()).isEqualTo(500);
    }

    @Test
    void reads_the_epoch_a_call_was_dispatched_under() {
        assertThat(RecordFile.parse("17|1|2026-11-30T06:00:00Z|2026-11-30T06:00:00.5Z|4")
                        .epoch())
                .isEqualTo(4);
        assertThat(RecordFile.parse("17|1|2026-11-30T06:00:00Z|2026-11-30T06:00:00.5Z")
                        .epoch())
                .isEqualTo(Execution.NO_EPOCH);
    }

    @Test
    void complete_only_when_every_recorded_call_was_written_and_read() throws IOException {
        Path file = dir.resolve("records.txt");
        RecordFile records = new RecordFile(file);
        assertThat(records.complete()).as("nothing recorded yet").isTrue();

        append(file, "1|1|2026-11-30T06:00:00Z|2026-11-30T06:00:00Z\n");
        Files.writeString(Path.of(file + ".status"), "2 1\n");
        records.executions();
        assertThat(records.complete()).as("one call not written yet").isFalse();

        append(file, "2|1|2026-11-30T06:00:00Z|2026-11-30T06:00:00Z\n");
        Files.writeString(Path.of(file + ".status"), "2 2\n");
        assertThat(records.complete()).as("written but not read").isFalse();
        records.executions();
        assertThat(records.complete()).isTrue();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
