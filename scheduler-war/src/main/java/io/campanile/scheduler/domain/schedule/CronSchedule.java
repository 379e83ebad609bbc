package io.campanile.scheduler.domain.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.campanile.api.GapRule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CRON expression with a seconds field ({@code sec min hour day-of-month month day-of-week}, the Spring 5.3
 * dialect of cron-utils) read in a time zone. The expression is matched against <em>local</em> date-times, and each
 * match becomes an instant by the {@link WallClock}'s daylight-saving rule: a local time that occurs twice fires
 * once (its first occurrence), one that does not exist fires at the end of the gap or is skipped, per the job's
 * {@link GapRule}. Several local times of one gap that fire at its end are one fire.
 *
 * <p>cron-utils throws instead of skipping a month when an expression names a day the month lacks with {@code W}
 * ({@code 30W} in February), so an expression can parse and yet fail months later. {@link #checkFires(Instant)}
 * refuses such expressions (and ones that never fire) up front; {@link #nextAfter(Instant)} turns a failure at fire
 * time into {@link UncomputableSchedule}, which takes the one job out of firing instead of its whole app.
 */
public final class CronSchedule implements Schedule {

    /** Longer expressions are refused before parsing: cron-utils expands lists eagerly (a 20 MB list ran out of heap). */
    public static final int MAX_LENGTH = 200;
    /** How far ahead {@link #checkFires(Instant)} evaluates the expression: five years covers every month length. */
    static final int CHECKED_MONTHS = 60;
    /**
     * The most local times looked at for one fire: an expression every second passes over an hour of times that
     * fired already when the clocks go back, and skips an hour of them when they go forward.
     */
    private static final int MAX_STEPS = 10_000;

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime executionTime;
    private final WallClock clock;

    private CronSchedule(String expression, ExecutionTime executionTime, WallClock clock) {
        this.expression = expression;
        this.executionTime = executionTime;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the expression or the zone
     */
    public static CronSchedule parse(String expression, String timeZone) {
        return parse(expression, zone(timeZone), GapRule.FIRE_AFTER_GAP);
    }

    /** @throws IllegalArgumentException naming what is wrong with the expression */
    public static CronSchedule parse(String expression, ZoneId zone, GapRule gapRule) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a CRON expression is required");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a CRON expression has at most " + MAX_LENGTH + " characters");
        }
        String trimmed = expression.trim();
        try {
            return new CronSchedule(
                    trimmed, ExecutionTime.forCron(PARSER.parse(trimmed)), new WallClock(zone, gapRule));
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
        YearMonth month = YearMonth.from(clock.localOf(now));
        for (int i = 0; i < CHECKED_MONTHS; i++, month = month.plusMonths(1)) {
            ZonedDateTime justBefore =
                    month.atDay(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(1);
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
     * The first fire strictly after {@code after}, on a whole second; empty if the expression never fires again.
     * Local times that resolve to an instant at or before {@code after} fired already (the first occurrence of a
     * repeated hour) or were merged into the fire at the end of a gap, and are passed over.
     *
     * @throws UncomputableSchedule if the CRON library cannot compute it
     */
    @Override
    public Optional<NextFire> nextAfter(Instant after) {
        // local date-times are matched as if they were UTC, where every one exists once
        ZonedDateTime local =
                clock.localOf(after).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        List<WallClock.Resolved> skipped = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<ZonedDateTime> match = next(local, after);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            local = match.get();
            WallClock.Resolved resolved = clock.resolve(local.toLocalDateTime());
            if (!resolved.at().isAfter(after)) {
                continue;
            }
            if (resolved.skipped()) {
                skipped.add(resolved);
                continue;
            }
            return Optional.of(new NextFire(resolved.at(), resolved.local(), skipped));
        }
        throw new UncomputableSchedule("'" + expression + "' matched " + MAX_STEPS + " local times after " + after
                + " in " + clock.zone() + " without one that fires");
    }

    private Optional<ZonedDateTime> next(ZonedDateTime local, Instant after) {
        try {
            return executionTime.nextExecution(local);
        } catch (DateTimeException e) {
            throw new UncomputableSchedule(
                    "cannot compute the fire time of '" + expression + "' after " + after + ": " + e.getMessage());
        }
    }
}
