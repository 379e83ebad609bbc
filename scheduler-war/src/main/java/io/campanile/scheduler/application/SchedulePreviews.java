package io.campanile.scheduler.application;

import io.campanile.api.admin.SchedulePreview;
import io.campanile.api.admin.SchedulePreview.PreviewedFire;
import io.campanile.scheduler.domain.schedule.NextFire;
import io.campanile.scheduler.domain.schedule.Schedule;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import io.campanile.scheduler.domain.schedule.UncomputableSchedule;
import io.campanile.scheduler.domain.schedule.WallClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A schedule's next fire times as the admin API shows them, with the times it skips on the way. */
final class SchedulePreviews {

    /** The most fire times a preview lists. */
    static final int MAX_COUNT = 1000;

    private SchedulePreviews() {}

    /** At most {@code count} entries (fires and skipped times) strictly after {@code after}. */
    static SchedulePreview of(ScheduleSpec spec, Instant after, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw RequestRejected.invalid("count", "must be between 1 and " + MAX_COUNT);
        }
        List<PreviewedFire> fires = new ArrayList<>();
        Optional<Schedule> schedule = spec.schedule();
        Instant from = after;
        try {
            while (schedule.isPresent() && fires.size() < count) {
                Optional<NextFire> next = schedule.get().nextAfter(from);
                if (next.isEmpty()) {
                    break;
                }
                for (WallClock.Resolved skipped : next.get().skipped()) {
                    if (fires.size() < count) {
                        fires.add(new PreviewedFire(
                                skipped.at(), local(skipped.local(), skipped.at(), spec.zone()), skipped.skipReason()));
                    }
                }
                if (fires.size() < count) {
                    fires.add(new PreviewedFire(
                            next.get().at(),
                            local(next.get().local(), next.get().at(), spec.zone()),
                            null));
                }
                from = next.get().at();
            }
        } catch (UncomputableSchedule e) {
            throw RequestRejected.invalid("cron", Check.cut(e.getMessage()));
        }
        return new SchedulePreview(spec.zone().getId(), fires);
    }

    /** The local time with the offset it has at {@code at} (for a skipped time: the offset after the change). */
    private static String local(LocalDateTime local, Instant at, ZoneId zone) {
        return local.atOffset(zone.getRules().getOffset(at)).toString();
    }
}
