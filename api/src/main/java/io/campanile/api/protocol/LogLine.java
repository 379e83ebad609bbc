package io.campanile.api.protocol;

import io.campanile.api.RunLog;
import java.time.Instant;

/**
 * One line of an attempt's log.
 *
 * @param seq the line's number within the attempt, from 1: lines are read in this order, and a line sent twice is
 *     stored once
 * @param at when the processor wrote it (the worker's clock)
 */
public record LogLine(long instanceId, int attempt, long seq, Instant at, RunLog.Level level, String message) {}
