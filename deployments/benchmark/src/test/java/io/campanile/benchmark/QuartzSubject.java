package io.campanile.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz embedded in this JVM as its documentation shows for a cluster: the JDBC JobStore ({@code JobStoreTX},
 * PostgreSQL delegate, {@code isClustered=true}) on a HikariCP pool, its default thread pool of 10 threads,
 * one job with one simple trigger per run, stored with {@code scheduleJobs} in batches.
 */
final class QuartzSubject implements Subject {

    private static final int THREADS = 10;
    private static final int BATCH = 1_000;
    private static final String GROUP = "bench";

    private final ExecutionLedger ledger = new ExecutionLedger();
    private PeerDatabase database;
    private Scheduler scheduler;

    @Override
    public String name() {
        return "quartz";
    }

    /**
     * A few: Quartz drains a backlog of runs due now at a few runs a second (each is a misfire it handles one by
     * one), so thousands of warm-up runs would take the whole time bound. Its JIT warm-up is small: it runs in the
     * benchmark's own JVM.
     */
    @Override
    public int warmUpRuns(int requested) {
        return Math.min(requested, 20);
    }

    @Override
    public String description() {
        return "Quartz 2.5 embedded: JobStoreTX clustered (PostgreSQLDelegate), " + THREADS
                + " threads, HikariCP pool of " + PeerDatabase.POOL_SIZE + ", other settings default;"
                + " runs created with scheduleJobs in batches of " + BATCH;
    }

    @Override
    public void start() {
        database = PeerDatabase.create(name(), "org/quartz/impl/jdbcjobstore/tables_postgres.sql");
        String dataSource = "bench-" + database.name();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider());
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "bench-" + database.name());
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(THREADS));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.getContext().put(QuartzRecordingJob.LEDGER, ledger);
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
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
            Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
            batch.forEach(key -> jobs.put(job(key), Set.of(trigger(key, now))));
            schedule(jobs);
        }
        return keys;
    }

    @Override
    public List<String> createAt(String prefix, List<Instant> instants) {
        List<String> keys = Keys.numbered(prefix, instants.size());
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            jobs.put(job(keys.get(i)), Set.of(trigger(keys.get(i), instants.get(i))));
            if (jobs.size() == BATCH) {
                schedule(jobs);
                jobs.clear();
            }
        }
        if (!jobs.isEmpty()) {
            schedule(jobs);
        }
        return keys;
    }

    private static JobDetail job(String key) {
        return JobBuilder.newJob(QuartzRecordingJob.class)
                .withIdentity(key, GROUP)
                .build();
    }

    private static Trigger trigger(String key, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key, GROUP)
                .startAt(Date.from(at))
                .build();
    }

    private void schedule(Map<JobDetail, Set<? extends Trigger>> jobs) {
        try {
            scheduler.scheduleJobs(jobs, false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not store " + jobs.size() + " jobs: " + e.getMessage(), e);
        }
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
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not stop: " + e.getMessage(), e);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** Hands Quartz connections of the subject's HikariCP pool. */
    private final class PoolProvider implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return database.pool().getConnection();
        }

        @Override
        public void shutdown() {
            database.pool().close();
        }

        @Override
        public void initialize() {
            // the pool exists already
        }
    }
}
