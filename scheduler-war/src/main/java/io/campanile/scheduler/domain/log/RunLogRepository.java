package io.campanile.scheduler.domain.log;

import io.campanile.api.protocol.LogLine;
import java.time.Instant;
import java.util.List;

/** The stored lines of run logs, per attempt. */
public interface RunLogRepository {

    /** Stores the lines; a line already stored (same instance, attempt and number) is left as it is. */
    void store(List<LogLine> lines);

    /** The attempt's lines numbered after {@code afterSeq}, in order, at most {@code limit}. */
    List<LogLine> read(long instanceId, int attempt, long afterSeq, int limit);

    /**
     * Deletes lines stored before {@code before}, of at most {@code maxInstances} instances (all their attempts): a
     * bounded amount of work per call. Returns how many lines it deleted.
     */
    int deleteStoredBefore(Instant before, int maxInstances);
}
