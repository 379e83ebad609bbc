package io.campanile.scheduler.domain.job;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A CRON expression with a seconds field ({@code sec min hour day-of-month month day-of-week}, the Spring 5.3
 * dialect of cron-utils) read in a time zone.
 *
 * <p>cron-utils throws instead of skipping a month when an expression names a day the month lacks with {@code W}
 * ({@code 30W} in February), so an expression can parse and yet fail months later. {@link #checkFires(Instant)}
 * refuses such expressions (and ones that never fire) up front; {@link #nextAfter(Instant)} turns a failure at fire
 * time into {@link UncomputableSchedule}, which takes the one job out of firing instead of its whole app.
 */
public final class CronSchedule {

    /** Longer expressions are refused before parsing: cron-utils expands lists eagerly (a 20 MB list ran out of heap). */
    public static final int MAX_LENGTH = 200;
    /** How far ahead {@link #checkFires(Instant)} evaluates the expression: five years covers every month length. */
    static final int CHECKED_MONTHS = 60;

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(String expression, ExecutionTime executionTime, ZoneId zone) {
        this.expression = expression;
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming what is wrong with the expression or the zone */
    public static CronSchedule parse(String expression, String timeZone) {
        ZoneId zone = zone(timeZone);
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a CRON expression is required");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a CRON expression has at most " + MAX_LENGTH + " characters");
        }
        String trimmed = expression.trim();
        try {
            return new CronSchedule(trimmed, ExecutionTime.forCron(PARSER.parse(trimmed)), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a CRON expression with six fields "
                    + "(sec min hour day-of-month month day-of-week): " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException if the zone is missing or unknown */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            throw new IllegalArgumentException("a time zone is required");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + timeZone + "'");
        }
    }

    /**
     * Checks that the expression fires after {@code now} and can be evaluated in every month of the next
     * {@value #CHECKED_MONTHS}.
     *
     * @throws IllegalArgumentException saying why not
     */
    public void checkFires(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(zone));
        for (int i = 0; i < CHECKED_MONTHS; i++, month = month.plusMonths(1)) {
            ZonedDateTime justBefore = month.atDay(1).atStartOfDay(zone).minusSeconds(1);
            try {
                executionTime.nextExecution(justBefore);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + expression + "' cannot be evaluated in " + month + " ("
                        + e.getMessage() + "); for the last day or weekday of a month use L or LW");
            }
        }
        if (nextAfter(now).isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' never fires: no date matches it");
        }
    }

    /**
     * The first fire time strictly after {@code after}, on a whole second; empty if the expression never fires
     * again.
     *
     * @throws UncomputableSchedule if the CRON library cannot compute it
     */
    public Optional<Instant> nextAfter(Instant after) {
        ZonedDateTime from = ZonedDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        try {
            return executionTime.nextExecution(from).map(ZonedDateTime::toInstant);
        } catch (DateTimeException e) {
            throw new UncomputableSchedule(
                    "cannot compute the fire time of '" + expression + "' after " + after + ": " + e.getMessage());
        }
    }
}
