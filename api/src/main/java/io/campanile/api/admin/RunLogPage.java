package io.campanile.api.admin;

import io.campanile.api.InstanceState;
import io.campanile.api.protocol.LogLine;
import java.util.List;

/**
 * Lines of one attempt's log, in order, from after a line number: to tail a run, ask again with {@code after} set to
 * {@code next} until {@code finished} (the attempt ended) and no line came.
 *
 * @param attempt the attempt these lines are of
 * @param next the number of the last line here (or the {@code after} asked for when none came): ask from it next
 * @param state the instance's state now
 * @param finished whether this attempt ended (the instance moved past it), so that no further line is expected once
 *     the worker's last batch arrived
 */
public record RunLogPage(
        long instanceId, int attempt, List<LogLine> lines, long next, InstanceState state, boolean finished) {}
