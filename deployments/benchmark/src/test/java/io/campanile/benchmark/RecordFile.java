package io.campanile.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo app's {@code bench} processor's records, read as they grow: {@code instanceId|attempt|
 * scheduledFireTime|started|epoch} per line (records without the epoch are read with {@link Execution#NO_EPOCH}), and the {@code <file>.status} beside it ({@code recorded written}).
 */
final class RecordFile {

    private final Path file;
    private final List<Execution> read = new ArrayList<>();
    private long offset;
    private long lastWritten = -1;
    private long lastRecorded = -1;

    RecordFile(Path file) {
        this.file = file;
    }

    /** Removes the file and its status file, for a fresh start of the processor writing them. */
    void clear() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record written so far, reading only what was added since the last call. */
    synchronized List<Execution> executions() {
        return since(0);
    }

    /** The records after the first {@code from}, in the order written, reading only what was added since. */
    synchronized List<Execution> since(int from) {
        readStatus();
        if (Files.exists(file)) {
            readNewLines();
        }
        return List.copyOf(read.subList(Math.min(from, read.size()), read.size()));
    }

    /** Whether every call the processor counted was written and read. */
    synchronized boolean complete() {
        readStatus();
        return lastRecorded == lastWritten && lastWritten == read.size();
    }

    private void readStatus() {
        Path status = Path.of(file + ".status");
        if (!Files.exists(status)) {
            lastRecorded = 0;
            lastWritten = 0;
            return;
        }
        try {
            String[] numbers =
                    Files.readString(status, StandardCharsets.UTF_8).trim().split(" ");
            lastRecorded = Long.parseLong(numbers[0]);
            lastWritten = Long.parseLong(numbers[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readNewLines() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return; // a line still being written
            }
            String text = new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
            text.lines().filter(line -> !line.isBlank()).map(RecordFile::parse).forEach(read::add);
            offset += end + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static Execution parse(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 4 && fields.length != 5) {
            throw new IllegalArgumentException("record has " + fields.length + " fields, not 4 or 5: " + line);
        }
        return new Execution(
                fields[0],
                Integer.parseInt(fields[1]),
                Instant.parse(fields[2]),
                Instant.parse(fields[3]),
                fields.length == 5 ? Long.parseLong(fields[4]) : Execution.NO_EPOCH);
    }
}
