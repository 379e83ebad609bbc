package io.campanile.benchmark;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * db-scheduler embedded in this JVM as its README shows: one one-time task, 10 threads, a HikariCP pool, the
 * scheduler polling every second, either with its default strategy (fetch, then lock each execution when it
 * runs) or with lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP LOCKED}), its fastest on PostgreSQL. For
 * {@link Scenario#CLUSTER_THROUGHPUT} several such instances share the table, as several servers of an
 * application would run it: each with its own pool, its own threads and its own name.
 */
final class DbSchedulerSubject implements Subject {

    /** How the scheduler finds due executions. */
    enum Polling {
        DEFAULT,
        LOCK_AND_FETCH
    }

    private static final int THREADS = 10;
    /** The README's example and the reference figures use a 1 s poll; the library's default is 10 s. */
    private static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);
    /** Fetch again when fewer than half the threads have work, up to as many executions as threads. */
    private static final double LOCK_AND_FETCH_LOWER = 0.5;

    private static final double LOCK_AND_FETCH_UPPER = 1.0;
    private static final int BATCH = 1_000;

    private final Polling polling;
    private final int instanceCount;
    private final ExecutionLedger ledger = new ExecutionLedger();
    private final OneTimeTask<Void> task = Tasks.oneTime("bench-noop").execute((instance, context) -> {
        Instant started = Instant.now();
        ledger.record(
                instance.getId(),
                context.getExecution().consecutiveFailures + 1,
                context.getExecution().executionTime,
                started);
    });
    private final List<Scheduler> schedulers = new ArrayList<>();
    private PeerDatabase database;

    DbSchedulerSubject(Polling polling) {
        this(polling, 1);
    }

    /** {@code instances} schedulers on one database, each with its own pool and threads. */
    DbSchedulerSubject(Polling polling, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one instance, not " + instances);
        }
        this.polling = polling;
        this.instanceCount = instances;
    }

    @Override
    public String name() {
        return polling == Polling.DEFAULT ? "db-scheduler" : "db-scheduler-lock-and-fetch";
    }

    @Override
    public String label() {
        return instanceCount == 1 ? name() : name() + " " + Topology.serversLabel(instanceCount);
    }

    @Override
    public String description() {
        return "db-scheduler 16.x embedded"
                + (instanceCount == 1 ? "" : ", " + instanceCount + " instances on one database, each with")
                + ": " + THREADS + " threads, HikariCP pool of " + PeerDatabase.POOL_SIZE
                + ", polling every " + POLLING_INTERVAL.toMillis() + " ms, "
                + (polling == Polling.DEFAULT
                        ? "default polling (fetch, then lock on execute)"
                        : "lock-and-fetch (" + LOCK_AND_FETCH_LOWER + ", " + LOCK_AND_FETCH_UPPER + ")")
                + "; runs created with scheduleBatch in batches of " + BATCH;
    }

    @Override
    public void start() {
        database = PeerDatabase.create(name(), "db-scheduler-postgresql.sql");
        for (int i = 1; i <= instanceCount; i++) {
            DataSource pool = i == 1 ? database.pool() : database.addPool(name() + "-" + i);
            SchedulerBuilder builder =
                    Scheduler.create(pool, task).threads(THREADS).pollingInterval(POLLING_INTERVAL);
            if (instanceCount > 1) {
                // by default every instance would be named after this host, as if they were one
                builder.schedulerName(new SchedulerName.Fixed(name() + "-" + i));
            }
            if (polling == Polling.LOCK_AND_FETCH) {
                builder.pollUsingLockAndFetch(LOCK_AND_FETCH_LOWER, LOCK_AND_FETCH_UPPER);
            }
            Scheduler scheduler = builder.build();
            schedulers.add(scheduler);
            scheduler.start();
        }
    }

    @Override
    public String databaseName() {
        return database.name();
    }

    @Override
    public List<String> createDueNow(String prefix, int count) {
        List<String> keys = Keys.numbered(prefix, count);
        Instant now = Instant.now();
        for (List<String> batch : Keys.batches(keys, BATCH)) {
            List<TaskInstance<?>> instances = new ArrayList<>();
            batch.forEach(key -> instances.add(task.instance(key)));
            schedulers.get(0).scheduleBatch(instances, now);
        }
        return keys;
    }

    @Override
    public List<String> createAt(String prefix, List<Instant> instants) {
        List<String> keys = Keys.numbered(prefix, instants.size());
        List<SchedulableInstance<?>> instances = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            instances.add(SchedulableInstance.of(task.instance(keys.get(i)), instants.get(i)));
        }
        for (List<SchedulableInstance<?>> batch : Keys.batches(instances, BATCH)) {
            schedulers.get(0).scheduleBatch(batch);
        }
        return keys;
    }

    @Override
    public List<Execution> executions() {
        return ledger.snapshot();
    }

    @Override
    public List<Execution> executionsSince(int from) {
        return ledger.since(from);
    }

    @Override
    public boolean recordsComplete() {
        return true; // recorded in this JVM
    }

    @Override
    public void close() {
        try {
            schedulers.forEach(Scheduler::stop);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
