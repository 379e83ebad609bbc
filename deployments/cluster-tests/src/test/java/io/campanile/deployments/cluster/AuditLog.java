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
 * The demo app's audit file: its {@code audit} processor appends one line per run, when the run ends,
 * {@code jobName|fireTime|instanceId|attempt|epoch|worker|startedMillis|endedMillis|outcome} (older lines have only
 * the first six fields). It is the ground truth of what actually ran.
 */
public final class AuditLog {

    /**
     * One run of the audit processor.
     *
     * @param started when the run started on its worker's wall clock; null on a line without it
     * @param ended when it ended (after its hold, if any); null on a line without it
     * @param outcome {@code done}, or {@code interrupted} when an interrupt ended its hold; null on a line without it
     */
    public record Run(
            String jobName,
            Instant fireTime,
            String instanceId,
            int attempt,
            String epoch,
            String worker,
            Instant started,
            Instant ended,
            String outcome) {

        /** A run whose line has no start, end or outcome. */
        public Run(String jobName, Instant fireTime, String instanceId, int attempt, String epoch, String worker) {
            this(jobName, fireTime, instanceId, attempt, epoch, worker, null, null, null);
        }

        /** A run that held and was interrupted before the end of its hold. */
        public boolean interrupted() {
            return "interrupted".equals(outcome);
        }

        /** Whether this run and the other were going at the same time (both must have a start and an end). */
        public boolean overlaps(Run other) {
            return started.isBefore(other.ended) && other.started.isBefore(ended);
        }
    }

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
        if (fields.length != 6 && fields.length != 9) {
            throw new IllegalArgumentException("audit line has " + fields.length + " fields, not 6 or 9: " + line);
        }
        try {
            boolean timed = fields.length == 9;
            return new Run(
                    fields[0],
                    instant(fields[1].trim()),
                    fields[2],
                    Integer.parseInt(fields[3].trim()),
                    fields[4],
                    fields[5],
                    timed ? instant(fields[6].trim()) : null,
                    timed ? instant(fields[7].trim()) : null,
                    timed ? fields[8].trim() : null);
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
