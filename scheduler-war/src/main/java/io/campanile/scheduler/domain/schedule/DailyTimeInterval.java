package io.campanile.scheduler.domain.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fires every {@code interval} from {@code start} to {@code end} (both local times of the day, inclusive) on the
 * chosen days of the week, in the schedule's zone: "every 15 minutes from 09:00 to 17:00, Monday to Friday". The
 * times of a day are {@code start + k * interval}, so a day's lattice never depends on when the previous run ended.
 * Local times are resolved by the {@link WallClock}, with its daylight-saving rule.
 */
public final class DailyTimeInterval implements Schedule {

    /** The shortest interval: a second, the resolution of the times of day. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final WallClock clock;
    private final LocalTime start;
    private final LocalTime end;
    private final long intervalSeconds;
    private final Set<DayOfWeek> days;

    public DailyTimeInterval(WallClock clock, LocalTime start, LocalTime end, Duration interval, Set<DayOfWeek> days) {
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException(
                    "the interval is a whole number of seconds, at least 1, not " + interval);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the end of the day's interval (" + end + ") is before its start ("
                    + start + "); an interval that crosses midnight is two schedules");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one day of the week is required");
        }
        this.clock = clock;
        this.start = start.withNano(0);
        this.end = end.withNano(0);
        this.intervalSeconds = interval.toSeconds();
        this.days = EnumSet.copyOf(days);
    }

    /**
     * The first fire strictly after {@code after}, with the gap times skipped on the way; empty never (some day of
     * every week is chosen). Local times that resolve to an instant at or before {@code after} were fired already
     * (the first occurrence of a repeated hour) or merged into a fire at the end of a gap, and are passed over.
     */
    @Override
    public Optional<NextFire> nextAfter(Instant after) {
        LocalDateTime from = clock.localOf(after);
        List<WallClock.Resolved> skipped = new ArrayList<>();
        LocalDate day = from.toLocalDate();
        for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            for (LocalDateTime local = firstOn(day, from); local != null; local = following(local)) {
                WallClock.Resolved resolved = clock.resolve(local);
                if (resolved.skipped()) {
                    skipped.add(resolved);
                } else if (resolved.at().isAfter(after)) {
                    return Optional.of(new NextFire(resolved.at(), local, skipped));
                }
            }
        }
        return Optional.empty();
    }

    /** The day's first time strictly after {@code from} (all of them on a later day), or null if none is left. */
    private LocalDateTime firstOn(LocalDate day, LocalDateTime from) {
        LocalDateTime first = day.atTime(start);
        if (first.isAfter(from)) {
            return first;
        }
        long since = Duration.between(first, from).toSeconds();
        return onDay(first.plusSeconds((since / intervalSeconds + 1) * intervalSeconds), day);
    }

    private LocalDateTime following(LocalDateTime local) {
        return onDay(local.plusSeconds(intervalSeconds), local.toLocalDate());
    }

    /** {@code time} if it is on {@code day} and not after the day's end, else null. */
    private LocalDateTime onDay(LocalDateTime time, LocalDate day) {
        return time.toLocalTime().isAfter(end) || !time.toLocalDate().equals(day) ? null : time;
    }
}
