package io.campanile.benchmark;

/** What the benchmark measures; each scheduler goes through every selected scenario. */
public enum Scenario {
    /** A backlog of one-off no-op runs due now: runs per second from the first to the last processor call. */
    THROUGHPUT,
    /**
     * The THROUGHPUT backlog drained by several scheduler servers on one database: Campanile with several apps,
     * each its own worker process; db-scheduler with as many instances as servers.
     */
    CLUSTER_THROUGHPUT,
    /** Runs at fixed instants spread over some seconds: processor start minus scheduled instant. */
    FIRE_LAG,
    /**
     * Campanile only, one server: fixed-rate jobs whose fires together fall evenly over some seconds (the issue's
     * 1,000 fires over 20 s): processor start minus the fire's scheduled instant, through the scheduler's firing.
     */
    SCHEDULED_FIRE_LAG,
    /** SCHEDULED_FIRE_LAG with several scheduler servers on one database, the jobs split over several apps. */
    CLUSTER_SCHEDULED_FIRE_LAG,
    /** Transactions, rows written (and statements) per executed run of THROUGHPUT, and the cost when idle. */
    DATABASE_COST,
    /** Resident memory and threads of Campanile's processes, idle and under the THROUGHPUT backlog. */
    FOOTPRINT,
    /** Campanile's database cost per second with 100 apps and 1,000 CRON jobs defined, none due. */
    IDLE_AT_SCALE,
    /** Campanile's idle cost and throughput as the defined jobs grow (1k, 10k, 100k), few due. */
    SCALING,
    /** Campanile only: kill -9, SIGSTOP and graceful stop of the owner, to the first call under the new owner. */
    FAILOVER
}
