package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL's plans for a worker's claim, its outcomes and their read-back, in the situation that used to make a
 * drain slow down with the backlog: statistics taken while nothing waited, then a backlog of waiting instances.
 * Each must reach its rows through the primary key, not by reading the waiting range of the due index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceUpdatePlanIT {

    private static final int HISTORY = 4_000;
    private static final int BACKLOG = 4_000;
    private static final int BATCH = 64;

    private TestDatabase db;

    @BeforeAll
    void historyAnalyzedWhileNothingWaitedThenABacklog() {
        db = TestDatabase.postgres();
        jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO app (id, name, secret_salt, secret_hash, created_at) "
                        + "VALUES (1, 'plans', 's', 'h', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO server_info (app_name, owner_id, owner_url, epoch, lease_until, changed_at) "
                        + "VALUES ('plans', 'server', 'http://127.0.0.1:1', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO job (id, app_name, name, processor, schedule_type, time_zone, enabled, "
                        + "created_at, version) VALUES (1, 'plans', 'api', 'p', 'API', 'UTC', TRUE, "
                        + "CURRENT_TIMESTAMP, 1)");
                s.execute(instances(1, HISTORY, "SUCCEEDED"));
                s.execute("ANALYZE job_instance");
                s.execute(instances(HISTORY + 1, BACKLOG, "WAITING"));
            }
            return null;
        });
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void the_trap_is_set_a_plain_comparison_of_app_and_state_is_served_from_the_due_index() {
        String plain = AttemptUpdates.claim(BATCH)
                .replace("COALESCE(app_name, '')", "app_name")
                .replace("COALESCE(state, '')", "state");

        assertThat(plan(plain, claimParameters()))
                .as("without this, the test below would prove nothing")
                .contains("job_instance_due");
    }

    @Test
    void a_claim_reaches_its_attempts_through_the_primary_key() {
        assertThat(plan(AttemptUpdates.claim(BATCH), claimParameters()))
                .contains("job_instance_pkey")
                .doesNotContain("job_instance_due");
    }

    @Test
    void outcomes_and_their_read_back_reach_their_attempts_through_the_primary_key() {
        List<Object> outcome = new ArrayList<>(List.of("SUCCEEDED", "done", "plans", "worker"));
        outcome.addAll(pairs());
        List<Object> snapshot = new ArrayList<>(List.of("plans"));
        for (int i = 0; i < BATCH; i++) {
            snapshot.add((long) HISTORY + 1 + i);
        }

        assertThat(plan(AttemptUpdates.outcome(InstanceState.SUCCEEDED, BATCH), outcome))
                .contains("job_instance_pkey")
                .doesNotContain("job_instance_due");
        assertThat(plan(AttemptUpdates.snapshots(BATCH), snapshot))
                .contains("job_instance_pkey")
                .doesNotContain("job_instance_due");
    }

    private static String instances(int first, int count, String state) {
        return "INSERT INTO job_instance (id, job_id, app_name, fire_key, trigger_type, fire_time, state, attempt, "
                + "epoch, owner_id, created_at, due_at) SELECT g, 1, 'plans', 'k' || g, 'API', CURRENT_TIMESTAMP, '"
                + state + "', 1, 1, 'server', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM generate_series(" + first + ", "
                + (first + count - 1)
                + ") g";
    }

    private static List<Object> claimParameters() {
        List<Object> parameters = new ArrayList<>(List.of("worker", 1L, "plans", 1L, "plans"));
        parameters.addAll(pairs());
        return parameters;
    }

    /** The first waiting attempts, as (id, attempt) parameters. */
    private static List<Object> pairs() {
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            pairs.add((long) HISTORY + 1 + i);
            pairs.add(1);
        }
        return pairs;
    }

    /** The plan of a statement written with JPA's numbered parameters (in order), bound to these values. */
    private String plan(String sql, List<Object> parameters) {
        return jdbc(c -> {
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql.replaceAll("\\?\\d+", "?"))) {
                for (int i = 0; i < parameters.size(); i++) {
                    explain.setObject(i + 1, parameters.get(i));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        });
    }

    private <T> T jdbc(TransactionJdbc.Work<T> work) {
        return db.tx(em -> TestDatabase.jdbcOf(em).run(work));
    }
}
