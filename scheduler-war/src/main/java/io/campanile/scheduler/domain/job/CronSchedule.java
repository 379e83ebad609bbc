package io.campanile.scheduler.domain.job;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A CRON expression with a seconds field ({@code sec min hour day-of-month month day-of-week}, the
 * Spring 5.3 dialect of cron-utils) read in a time zone.
 */
public final class CronSchedule {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime executionTime, ZoneId zone) {
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming what is wrong with the expression or the zone */
    public static CronSchedule parse(String expression, String timeZone) {
        ZoneId zone = zone(timeZone);
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a CRON expression is required");
        }
        try {
            return new CronSchedule(ExecutionTime.forCron(PARSER.parse(expression.trim())), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a CRON expression with six fields "
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
     * The first fire time strictly after {@code after}, on a whole second; empty if the expression
     * never fires again.
     */
    public Optional<Instant> nextAfter(Instant after) {
        ZonedDateTime from = ZonedDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        return executionTime.nextExecution(from).map(ZonedDateTime::toInstant);
    }
}
