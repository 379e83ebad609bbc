package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.instance.JobInstance;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based work on many instances in a few statements, over JDBC ({@link TransactionJdbc}): ids come from {@code
 * job_instance_seq} in blocks (each value of the sequence is the top of a block of {@link #BLOCK} ids, as JPA uses
 * it), rows go in one JDBC batch (multi-row {@code INSERT}s on PostgreSQL, {@code reWriteBatchedInserts}), and
 * existing fire keys are looked up with one array parameter.
 */
final class InstanceInserts {

    /** The sequence's increment and the entity's allocation size. */
    static final int BLOCK = 50;

    private static final String INSERT = "INSERT INTO job_instance (id, job_id, app_name, fire_key, trigger_type, "
            + "fire_time, parameters, state, attempt, epoch, owner_id, created_at, due_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Dialect dialect;

    InstanceInserts(Dialect dialect) {
        this.dialect = dialect;
    }

    void insert(Connection connection, List<JobInstance> instances) throws SQLException {
        if (instances.isEmpty()) {
            return;
        }
        List<Long> ids = ids(connection, instances.size());
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).identify(ids.get(i));
        }
        JdbcBatch.run(connection, INSERT, instances, InstanceInserts::bind, false, "an instance insert");
    }

    private static void bind(PreparedStatement insert, JobInstance instance) throws SQLException {
        insert.setLong(1, instance.id());
        insert.setLong(2, instance.jobId());
        insert.setString(3, instance.appName());
        insert.setString(4, instance.fireKey());
        insert.setString(5, instance.trigger().name());
        insert.setObject(6, instance.fireTime().atOffset(ZoneOffset.UTC));
        insert.setString(7, instance.parameters());
        insert.setString(8, instance.state().name());
        insert.setInt(9, instance.attempt());
        insert.setLong(10, instance.epoch());
        insert.setString(11, instance.ownerId());
        insert.setObject(12, instance.createdAt().atOffset(ZoneOffset.UTC));
        insert.setObject(13, instance.dueAt().atOffset(ZoneOffset.UTC));
    }

    /** The ids of the job's instances with these fire keys, by fire key. */
    Map<String, Long> idsByFireKey(Connection connection, long jobId, List<String> fireKeys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        if (fireKeys.isEmpty()) {
            return found;
        }
        Array keys = connection.createArrayOf("VARCHAR", fireKeys.toArray());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fire_key, id FROM job_instance WHERE job_id = ? AND fire_key = ANY(?)")) {
            select.setLong(1, jobId);
            select.setArray(2, keys);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getLong(2));
                }
            }
        } finally {
            keys.free();
        }
        return found;
    }

    private List<Long> ids(Connection connection, int count) throws SQLException {
        int blocks = (count + BLOCK - 1) / BLOCK;
        List<Long> ids = new ArrayList<>(blocks * BLOCK);
        try (PreparedStatement select = connection.prepareStatement(dialect.sequenceValues("job_instance_seq", "?"))) {
            select.setInt(1, blocks);
            try (ResultSet tops = select.executeQuery()) {
                while (tops.next()) {
                    long last = tops.getLong(1);
                    for (long id = last - BLOCK + 1; id <= last; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException(
                    "job_instance_seq gave " + ids.size() / BLOCK + " blocks, " + blocks + " wanted");
        }
        return ids;
    }
}
