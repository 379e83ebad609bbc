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
 * WAITING --dispatch--> DISPATCHED --ack--> RUNNING --> SUCCEEDED | FAILED
 *    ^                       |  \----------(result without ack)----> SUCCEEDED | FAILED
 *    +---undelivered/retry---+
 * </pre>
 */
public final class InstanceTransitions {

    private static final Map<InstanceState, Set<InstanceState>> SOURCES = Map.of(
            InstanceState.WAITING, EnumSet.of(InstanceState.DISPATCHED),
            InstanceState.DISPATCHED, EnumSet.of(InstanceState.WAITING),
            InstanceState.RUNNING, EnumSet.of(InstanceState.DISPATCHED),
            InstanceState.SUCCEEDED, EnumSet.of(InstanceState.DISPATCHED, InstanceState.RUNNING),
            InstanceState.FAILED, EnumSet.of(InstanceState.DISPATCHED, InstanceState.RUNNING));

    private InstanceTransitions() {}

    public static boolean canMove(InstanceState from, InstanceState to) {
        return SOURCES.get(to).contains(from);
    }

    /** The states an instance may be in to move to {@code target}. */
    public static Set<InstanceState> sourcesOf(InstanceState target) {
        return EnumSet.copyOf(SOURCES.get(target));
    }
}
