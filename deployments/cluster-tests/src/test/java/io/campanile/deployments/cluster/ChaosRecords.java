package io.campanile.deployments.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the database holds at the end of a chaos soak, read straight from the tables (not through a server, and
 * with states as plain text, so that the books hold whatever states the server's version has): the jobs, every
 * job instance, every ownership change, and the database's time.
 */
record ChaosRecords(Instant databaseTime, List<Job> jobs, List<Instance> instances, List<OwnerChange> ownerChanges) {

    record Job(long id, String app, String name, String scheduleType, boolean enabled, String scheduleError) {}

    /** One row of {@code job_instance}; {@code trigger} is SCHEDULE or API. */
    record Instance(
            long id,
            long jobId,
            String app,
            String fireKey,
            String trigger,
            Instant fireTime,
            String state,
            int attempt,
            long epoch,
            String ownerId,
            String workerId,
            String result) {

        /** Ended: what the API's InstanceState calls terminal (read as text, so an unknown state is not). */
        boolean isTerminal() {
            return state.equals("SUCCEEDED")
                    || state.equals("FAILED")
                    || state.equals("SKIPPED")
                    || state.equals("CANCELLED")
                    || state.equals("TIMED_OUT");
        }

        @Override
        public String toString() {
            return "instance " + id + " (job " + jobId + ", " + fireKey + ", " + state + ", attempt " + attempt
                    + ", epoch " + epoch + ", owner " + ownerId + ", worker " + workerId + ", result " + result + ")";
        }
    }

    /** One row of {@code ownership_change}. */
    record OwnerChange(
            long id, String app, String oldOwnerId, String newOwnerId, long epoch, String reason, Instant changedAt) {

        @Override
        public String toString() {
            return app + " epoch " + epoch + " " + oldOwnerId + " -> " + newOwnerId + " " + reason + " at " + changedAt;
        }
    }

    static ChaosRecords read(Connection connection) throws SQLException {
        Instant now;
        try (PreparedStatement query = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            now = rows.getTimestamp(1).toInstant();
        }
        List<Job> jobs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id, app_name, name, schedule_type, enabled, schedule_error FROM job ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                jobs.add(new Job(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getBoolean(5),
                        rows.getString(6)));
            }
        }
        List<Instance> instances = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id, job_id, app_name, fire_key, trigger_type, fire_time, state, attempt, epoch,"
                                + " owner_id, worker_id, result FROM job_instance ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                instances.add(new Instance(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        instant(rows.getTimestamp(6)),
                        rows.getString(7),
                        rows.getInt(8),
                        rows.getLong(9),
                        rows.getString(10),
                        rows.getString(11),
                        rows.getString(12)));
            }
        }
        List<OwnerChange> changes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id, app_name, old_owner_id, new_owner_id, epoch, reason, changed_at"
                                + " FROM ownership_change ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                changes.add(new OwnerChange(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getLong(5),
                        rows.getString(6),
                        instant(rows.getTimestamp(7))));
            }
        }
        return new ChaosRecords(now, jobs, instances, changes);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
