package io.campanile.api.protocol;

import java.util.List;

/** Lines of run logs a worker sends (of one or several attempts it ran). */
public record LogBatch(String workerId, List<LogLine> lines) {

    /** The most lines in one batch; a server refuses more. */
    public static final int MAX_LINES = 1000;
}
