package io.campanile.benchmark;

import java.time.Duration;

/**
 * What the failover benchmark does to the owner of the app, with the target for the time from the event
 * to the first processor call under the new owner.
 */
enum FailoverEvent {
    /** SIGKILL, like a crash: the others take over once the owner's lease (3 s) expired. */
    KILL("kill -9", Duration.ofSeconds(5)),
    /** SIGSTOP, like a long GC pause: as a crash, and the frozen owner must not come back as a second owner. */
    FREEZE("SIGSTOP", Duration.ofSeconds(5)),
    /** SIGTERM, like an operator's stop: the owner hands its apps over before it exits. */
    GRACEFUL("graceful stop", Duration.ofSeconds(1));

    private final String label;
    private final Duration target;

    FailoverEvent(String label, Duration target) {
        this.label = label;
        this.target = target;
    }

    /** How the summary, the figures and the picture name it. */
    String label() {
        return label;
    }

    /** The target for event to first call under the new owner. */
    Duration target() {
        return target;
    }

    /** Whether the server is gone afterwards and must be started again to keep the cluster's size. */
    boolean stopsTheServer() {
        return this != FREEZE;
    }
}
