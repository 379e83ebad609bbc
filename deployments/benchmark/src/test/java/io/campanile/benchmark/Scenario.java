package io.campanile.benchmark;

/** What the benchmark measures; each scheduler goes through every selected scenario. */
public enum Scenario {
    /** A backlog of one-off no-op runs due now: runs per second from the first to the last processor call. */
    THROUGHPUT,
    /** Runs at fixed instants spread over some seconds: processor start minus scheduled instant. */
    FIRE_LAG,
    /** Transactions, rows written (and statements) per executed run of THROUGHPUT, and the cost when idle. */
    DATABASE_COST,
    /** Resident memory and threads of Campanile's processes, idle and under the THROUGHPUT backlog. */
    FOOTPRINT,
    /** Campanile only: kill -9, SIGSTOP and graceful stop of the owner, to the first call under the new owner. */
    FAILOVER
}
