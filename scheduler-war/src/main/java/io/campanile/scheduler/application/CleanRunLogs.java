package io.campanile.scheduler.application;

import io.campanile.scheduler.domain.log.RunLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes run log lines older than {@code campanile.logs.retention-hours}, a little at a time: every server looks once
 * a minute and deletes the old lines of at most {@link #INSTANCES_PER_LOOK} instances, so the cleanup never loads the
 * database (a backlog of old logs goes over several minutes). Two servers deleting at once is harmless.
 */
@ApplicationScoped
public class CleanRunLogs {

    private static final Logger LOG = Logger.getLogger(CleanRunLogs.class.getName());
    static final int INSTANCES_PER_LOOK = 200;
    static final long LOOK_EVERY_MILLIS = 60_000;

    private RunLogRepository logs;
    private SchedulerSettings settings;
    private Clock clock;
    private Instant lastLook;

    protected CleanRunLogs() {}

    @Inject
    public CleanRunLogs(RunLogRepository logs, SchedulerSettings settings, DatabaseClock clock) {
        this.logs = logs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes a batch of old lines if it is time; returns how many. */
    public synchronized int clean() {
        Instant now = clock.instant();
        if (lastLook != null && now.isBefore(lastLook.plusMillis(LOOK_EVERY_MILLIS))) {
            return 0;
        }
        lastLook = now;
        int deleted = logs.deleteStoredBefore(now.minusMillis(settings.logRetentionMillis()), INSTANCES_PER_LOOK);
        if (deleted > 0) {
            LOG.fine(() -> "Deleted " + deleted + " run log lines older than the retention period");
        }
        return deleted;
    }
}
