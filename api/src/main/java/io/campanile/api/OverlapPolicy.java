package io.campanile.api;

/**
 * What a job does with a fire that comes while earlier fires of it are still going (waiting, buffered or running):
 * it overlaps when {@code maxConcurrent} of them (1 by default) are. Every fire that does not run is recorded with
 * its reason.
 */
public enum OverlapPolicy {
    /** Every fire runs, however many earlier ones are going (the default). */
    ALLOW,
    /** An overlapping fire does not run: it is recorded SKIPPED. */
    SKIP,
    /**
     * An overlapping fire is BUFFERED, and runs when fewer than {@code maxConcurrent} earlier ones are going; while
     * one is buffered, a further overlapping fire is recorded SKIPPED.
     */
    BUFFER_ONE,
    /** Every overlapping fire is BUFFERED, and they run in fire-time order as earlier ones end. */
    BUFFER_ALL,
    /**
     * The earlier fires still going are CANCELLED, and the new fire runs. A running one is recorded cancelled and its
     * worker's later report refused; the worker is not yet told to interrupt its processor.
     */
    CANCEL_RUNNING
}
