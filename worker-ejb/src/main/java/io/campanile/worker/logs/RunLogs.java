package io.campanile.worker.logs;

import io.campanile.api.RunLog;
import io.campanile.api.protocol.Assignment;
import java.time.Clock;

/** Gives each attempt its log, all feeding one queue. */
public final class RunLogs {

    private final LogQueue queue;
    private final long maxBytesPerAttempt;
    private final Clock clock;

    public RunLogs(LogQueue queue, long maxBytesPerAttempt, Clock clock) {
        this.queue = queue;
        this.maxBytesPerAttempt = maxBytesPerAttempt;
        this.clock = clock;
    }

    /** Logs that keep nothing: for tests of other parts. */
    public static RunLogs none() {
        return new RunLogs(new LogQueue(0), 0, Clock.systemUTC());
    }

    public RunLog of(Assignment assignment) {
        return new AttemptLog(assignment, queue, maxBytesPerAttempt, clock);
    }
}
