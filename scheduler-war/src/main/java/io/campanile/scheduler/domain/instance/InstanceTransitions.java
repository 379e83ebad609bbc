package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of an instance's state. Every state change in the database is a conditional
 * update whose {@code WHERE state IN (...)} comes from here.
 *
 * <pre>
 * WAITING --a worker's claim, under the app's current epoch--> RUNNING --outcome--> SUCCEEDED | FAILED | TIMED_OUT
 * </pre>
 *
 * SKIPPED is created terminal (a fire time that does not run, with its reason) and never moves.
 *
 * <pre>
 * BUFFERED --released when earlier fires of the job ended--> WAITING
 * RUNNING --failed, timed out or its worker lost, and its job's retry policy allows another attempt--> WAITING
 *     (attempt + 1)
 * WAITING | BUFFERED | RUNNING --a newer fire under CANCEL_RUNNING--> CANCELLED
 * </pre>
 *
 * Handing a WAITING instance out to a worker writes nothing: the owner remembers it in memory ({@code
 * HandedOut}) and the worker's claim is the first write, so an instance handed out twice still runs once.
 */
public final class InstanceTransitions {

    private static final Map<InstanceState, Set<InstanceState>> SOURCES = Map.of(
            InstanceState.WAITING, EnumSet.of(InstanceState.BUFFERED, InstanceState.RUNNING),
            InstanceState.RUNNING, EnumSet.of(InstanceState.WAITING),
            InstanceState.SUCCEEDED, EnumSet.of(InstanceState.RUNNING),
            InstanceState.FAILED, EnumSet.of(InstanceState.RUNNING),
            InstanceState.TIMED_OUT, EnumSet.of(InstanceState.RUNNING),
            InstanceState.SKIPPED, EnumSet.noneOf(InstanceState.class),
            InstanceState.BUFFERED, EnumSet.noneOf(InstanceState.class),
            InstanceState.CANCELLED, EnumSet.of(InstanceState.WAITING, InstanceState.BUFFERED, InstanceState.RUNNING));

    private InstanceTransitions() {}

    public static boolean canMove(InstanceState from, InstanceState to) {
        return SOURCES.get(to).contains(from);
    }

    /** The states an instance may be in to move to {@code target}. */
    public static Set<InstanceState> sourcesOf(InstanceState target) {
        return EnumSet.copyOf(SOURCES.get(target));
    }
}
