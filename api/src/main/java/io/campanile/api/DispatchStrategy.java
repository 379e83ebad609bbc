package io.campanile.api;

/** How the owner of an app picks, among the eligible workers waiting for work, the one that runs an instance. */
public enum DispatchStrategy {
    /** The healthiest first: fewest running attempts for its capacity, then lowest CPU load, then most free heap. */
    HEALTH_FIRST,
    /** Any eligible waiting worker, at random. */
    RANDOM,
    /** The job's instances go to its eligible live workers in turn (by worker id). */
    ROUND_ROBIN,
    /**
     * The same parameters go to the same worker while the eligible live workers stay the same (rendezvous hashing of
     * the instance's parameters): an instance waits for that worker rather than run on another.
     */
    CONSISTENT_HASH
}
