package io.campanile.deployments.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code job_instance} read straight from the database, not through a server: the fire key, which the
 * admin API does not show, and the state as text, so that a state the books do not know still shows.
 *
 * @param fireKey the fire time ({@code Instant.toString()}) for a scheduled fire, {@code skip:} and the local time
 *     for a SKIPPED one
 * @param result for a SKIPPED row, why the time was skipped
 */
record InstanceRow(
        long id, long jobId, String fireKey, Instant fireTime, String state, int attempt, long epoch, String result) {

    static final String SKIPPED = "SKIPPED";

    boolean isSkipped() {
        return state.equals(SKIPPED);
    }

    /** SUCCEEDED or FAILED: it ran and its outcome is recorded. */
    boolean hasEnded() {
        return state.equals("SUCCEEDED") || state.equals("FAILED");
    }

    /** Every instance of the job, oldest fire time first. */
    static List<InstanceRow> ofJob(Connection connection, long jobId) throws SQLException {
        List<InstanceRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, job_id, fire_key, fire_time, state, attempt, epoch, result FROM job_instance"
                        + " WHERE job_id = ? ORDER BY fire_time, id")) {
            query.setLong(1, jobId);
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(new InstanceRow(
                            found.getLong(1),
                            found.getLong(2),
                            found.getString(3),
                            found.getTimestamp(4).toInstant(),
                            found.getString(5),
                            found.getInt(6),
                            found.getLong(7),
                            found.getString(8)));
                }
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "instance " + id + " (" + fireKey + ", " + state + ", attempt " + attempt + ", epoch " + epoch
                + (result == null ? "" : ", result " + result) + ")";
    }
}
