package io.campanile.deployments.cluster;

import java.time.Duration;

/**
 * One fault of the chaos soak, as the seeded plan drew it: what, on which server or worker (an index into the
 * soak's servers or workers; unused for PostgreSQL; with {@code atOwner}, the index of an app, whose owner at the
 * moment of the fault is hit: the faults that test a failover), how long to wait after the previous fault, and how long the
 * fault lasts (the time a killed process stays down, a server stays frozen or away, PostgreSQL stays down, or the
 * wall clock stays at each step).
 *
 * @param clockBackSeconds for {@link Kind#STEP_CLOCK}: first step back this far, then forwards to
 *     {@code clockForwardSeconds} ahead of real time, then back to real time
 */
public record ChaosFault(
        Kind kind,
        int target,
        boolean atOwner,
        Duration gapBefore,
        Duration hold,
        long clockBackSeconds,
        long clockForwardSeconds) {

    /** The kinds of fault; each says whether it can, by itself, move an app to another owner. */
    public enum Kind {
        /** {@code kill -9} of a server, then a start of a new process on the same port. */
        KILL_SERVER(true),
        /** SIGTERM of a server (it hands its apps over), then a start of a new process. */
        RESTART_SERVER(true),
        /** {@code kill -9} of a worker application, then a start of a new one (with a new worker id). */
        KILL_WORKER(false),
        /**
         * SIGTERM of a worker application (it stops as an undeploy would: its running processors are interrupted),
         * then a start of a new one (with a new worker id).
         */
        STOP_WORKER(false),
        /** SIGSTOP of a server for longer than its lease, then SIGCONT. */
        FREEZE_SERVER(true),
        /** A server's HTTP and database connections stop forwarding without closing, then heal. */
        BLACKHOLE_SERVER(true),
        /** The database server stops (fast shutdown: every session ends) and starts again. */
        RESTART_POSTGRES(true),
        /** A server's wall clock steps back, forwards past real time, and back (a time-sync correction). */
        STEP_CLOCK(false);

        private final boolean canMoveOwnership;

        Kind(boolean canMoveOwnership) {
            this.canMoveOwnership = canMoveOwnership;
        }

        public boolean canMoveOwnership() {
            return canMoveOwnership;
        }

        public boolean targetsWorker() {
            return this == KILL_WORKER || this == STOP_WORKER;
        }

        public boolean targetsServer() {
            return !targetsWorker() && this != RESTART_POSTGRES;
        }
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.RESTART_POSTGRES ? "" : atOwner ? " owner-of-app=" + target : " target=" + target)
                + " after=" + gapBefore.toMillis()
                + "ms hold=" + hold.toMillis() + "ms"
                + (kind == Kind.STEP_CLOCK ? " steps=-" + clockBackSeconds + "s,+" + clockForwardSeconds + "s" : "");
    }
}
