package io.campanile.scheduler.domain.instance;

import static io.campanile.api.InstanceState.BUFFERED;
import static io.campanile.api.InstanceState.CANCELLED;
import static io.campanile.api.InstanceState.FAILED;
import static io.campanile.api.InstanceState.RUNNING;
import static io.campanile.api.InstanceState.SUCCEEDED;
import static io.campanile.api.InstanceState.TIMED_OUT;
import static io.campanile.api.InstanceState.WAITING;

import io.campanile.api.InstanceState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of an instance's state, and who may make each. Every state change in the database is a
 * conditional update whose {@code WHERE state IN (...)} comes from here, for its cause: a worker's late report can
 * never do what only an operator may (reopen a finished instance).
 *
 * <pre>
 * WAITING --CLAIM: a worker's claim, under the app's current epoch--> RUNNING
 * RUNNING --REPORT: the worker's outcome--> SUCCEEDED | FAILED | TIMED_OUT
 * RUNNING --RETRY: failed, timed out or its worker lost, and its job's retry policy allows another attempt-->
 *     WAITING (attempt + 1)
 * RUNNING --LOST: its worker lost, no retry--> FAILED
 * WAITING --NO_WORKER: due longer than the no-worker wait and no live worker may run it--> FAILED
 * BUFFERED --RELEASE: earlier fires of the job ended--> WAITING
 * WAITING | BUFFERED | RUNNING --OVERLAP: a newer fire under CANCEL_RUNNING--> CANCELLED
 * WAITING | BUFFERED | RUNNING --OPERATOR: stopped through the admin API--> CANCELLED
 * SUCCEEDED | FAILED | TIMED_OUT | CANCELLED --OPERATOR: retried through the admin API--> WAITING (attempt + 1)
 * FAILED | TIMED_OUT | CANCELLED --OPERATOR: marked succeeded through the admin API--> SUCCEEDED
 * </pre>
 *
 * SKIPPED is created final (a fire time that does not run, with its reason) and never moves. The other final states
 * (SUCCEEDED, FAILED, TIMED_OUT, CANCELLED) move only by an operator's hand.
 *
 * <p>Handing a WAITING instance out to a worker writes nothing: the owner remembers it in memory ({@code
 * HandedOut}) and the worker's claim is the first write, so an instance handed out twice still runs once.
 */
public final class InstanceTransitions {

    /** Who or what moves an instance. */
    public enum Cause {
        CLAIM,
        REPORT,
        RETRY,
        LOST,
        NO_WORKER,
        RELEASE,
        OVERLAP,
        OPERATOR
    }

    private record Move(InstanceState to, Cause cause) {}

    private static final Map<Move, Set<InstanceState>> SOURCES = new java.util.HashMap<>();

    static {
        allow(Cause.CLAIM, RUNNING, WAITING);
        for (InstanceState outcome : EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT)) {
            allow(Cause.REPORT, outcome, RUNNING);
        }
        allow(Cause.RETRY, WAITING, RUNNING);
        allow(Cause.LOST, FAILED, RUNNING);
        allow(Cause.NO_WORKER, FAILED, WAITING);
        allow(Cause.RELEASE, WAITING, BUFFERED);
        allow(Cause.OVERLAP, CANCELLED, WAITING, BUFFERED, RUNNING);
        allow(Cause.OPERATOR, CANCELLED, WAITING, BUFFERED, RUNNING);
        allow(Cause.OPERATOR, WAITING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED);
        allow(Cause.OPERATOR, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED);
    }

    private static void allow(Cause cause, InstanceState to, InstanceState first, InstanceState... more) {
        SOURCES.computeIfAbsent(new Move(to, cause), m -> EnumSet.noneOf(InstanceState.class))
                .addAll(EnumSet.of(first, more));
    }

    private InstanceTransitions() {}

    public static boolean canMove(InstanceState from, InstanceState to, Cause cause) {
        return SOURCES.getOrDefault(new Move(to, cause), Set.of()).contains(from);
    }

    /** Whether anyone may move an instance from {@code from} to {@code to}. */
    public static boolean canMove(InstanceState from, InstanceState to) {
        for (Cause cause : Cause.values()) {
            if (canMove(from, to, cause)) {
                return true;
            }
        }
        return false;
    }

    /** The states an instance may be in for {@code cause} to move it to {@code target}; empty if it cannot. */
    public static Set<InstanceState> sourcesOf(InstanceState target, Cause cause) {
        Set<InstanceState> sources = SOURCES.get(new Move(target, cause));
        return sources == null ? EnumSet.noneOf(InstanceState.class) : EnumSet.copyOf(sources);
    }

    /** The moves by cause, for the documentation's table and its test. */
    static Map<Cause, Map<InstanceState, Set<InstanceState>>> table() {
        Map<Cause, Map<InstanceState, Set<InstanceState>>> table = new EnumMap<>(Cause.class);
        SOURCES.forEach((move, from) -> table.computeIfAbsent(move.cause(), c -> new EnumMap<>(InstanceState.class))
                .put(move.to(), EnumSet.copyOf(from)));
        return table;
    }
}
