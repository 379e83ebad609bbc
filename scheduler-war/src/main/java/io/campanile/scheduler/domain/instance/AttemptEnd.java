package io.campanile.scheduler.domain.instance;

/** How an attempt that did not succeed ended, as kept in its instance's history. */
public enum AttemptEnd {
    /** Its worker reported a failure. */
    FAILED,
    /** It ran longer than its job's time limit; its worker interrupted it. */
    TIMED_OUT,
    /** Its worker stopped sending heartbeats while it ran. */
    WORKER_LOST,
    /** It succeeded; an operator ran the instance again. */
    SUCCEEDED,
    /** It was cancelled; an operator ran the instance again. */
    CANCELLED
}
