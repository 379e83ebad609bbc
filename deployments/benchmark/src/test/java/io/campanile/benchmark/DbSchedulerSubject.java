package io.campanile.benchmark;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler embedded in this JVM as its README shows: one one-time task, 10 threads, a HikariCP pool, the
 * scheduler polling every second, either with its default strategy (fetch, then lock each execution when it
 * runs) or with lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP LOCKED}), its fastest on PostgreSQL.
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
    private final ExecutionLedger ledger = new ExecutionLedger();
    private final OneTimeTask<Void> task = Tasks.oneTime("bench-noop").execute((instance, context) -> {
        Instant started = Instant.now();
        ledger.record(
                instance.getId(),
                context.getExecution().consecutiveFailures + 1,
                context.getExecution().executionTime,
                started);
    });
    private PeerDatabase database;
    private Scheduler scheduler;

    DbSchedulerSubject(Polling polling) {
        this.polling = polling;
    }

    @Override
    public String name() {
        return polling == Polling.DEFAULT ? "db-scheduler" : "db-scheduler-lock-and-fetch";
    }

    @Override
    public String description() {
        return "db-scheduler 16.x embedded: " + THREADS + " threads, HikariCP pool of " + PeerDatabase.POOL_SIZE
                + ", polling every " + POLLING_INTERVAL.toMillis() + " ms, "
                + (polling == Polling.DEFAULT
                        ? "default polling (fetch, then lock on execute)"
                        : "lock-and-fetch (" + LOCK_AND_FETCH_LOWER + ", " + LOCK_AND_FETCH_UPPER + ")")
                + "; runs created with scheduleBatch in batches of " + BATCH;
    }

    @Override
    public void start() {
        database = PeerDatabase.create(name(), "db-scheduler-postgresql.sql");
        SchedulerBuilder builder =
                Scheduler.create(database.pool(), task).threads(THREADS).pollingInterval(POLLING_INTERVAL);
        if (polling == Polling.LOCK_AND_FETCH) {
            builder.pollUsingLockAndFetch(LOCK_AND_FETCH_LOWER, LOCK_AND_FETCH_UPPER);
        }
        scheduler = builder.build();
        scheduler.start();
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
            scheduler.scheduleBatch(instances, now);
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
            scheduler.scheduleBatch(batch);
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
            if (scheduler != null) {
                scheduler.stop();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
