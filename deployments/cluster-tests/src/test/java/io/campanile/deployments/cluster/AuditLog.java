package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The demo app's audit file: its {@code audit} processor appends one line per run,
 * {@code jobName|fireTime|instanceId|attempt|epoch|worker}. It is the ground truth of what actually ran.
 */
public final class AuditLog {

    /** One run of the audit processor. */
    public record Run(String jobName, Instant fireTime, String instanceId, int attempt, String epoch, String worker) {}

    private AuditLog() {}

    /** All runs in the file; none when the file does not exist yet. */
    public static List<Run> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(AuditLog::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run parse(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 6) {
            throw new IllegalArgumentException("audit line has " + fields.length + " fields, not 6: " + line);
        }
        try {
            return new Run(
                    fields[0],
                    instant(fields[1].trim()),
                    fields[2],
                    Integer.parseInt(fields[3].trim()),
                    fields[4],
                    fields[5]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable audit line: " + line + " (" + e.getMessage() + ")", e);
        }
    }

    /** An ISO-8601 instant, an ISO-8601 date-time with offset, or epoch milliseconds. */
    private static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
