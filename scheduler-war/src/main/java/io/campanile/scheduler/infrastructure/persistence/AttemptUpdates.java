package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.InstanceTransitions;
import io.campanile.scheduler.domain.instance.InstanceTransitions.Cause;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The SQL of the set-based updates and reads of attempts named by {@code (id, attempt)}: a worker's claim, its
 * outcomes, and the read-back of their effect.
 *
 * <p>Each is written so that the primary key is the only index that can serve it: {@code app_name} and {@code
 * state}, which lead the due index, are compared through {@code COALESCE} (both columns are {@code NOT NULL}, so
 * the result is the same). PostgreSQL's planner estimates the due index's {@code (app_name, state)} range from its
 * last statistics; a snapshot taken while no instance waited (the usual case between bursts) makes the waiting range
 * look like one row. A claim of 64 attempts written with plain comparisons was then served from that range, reading
 * the whole waiting backlog once per claim: 28 ms instead of 1 ms per claim at a backlog of 20,000, and a drain
 * that slowed down as quadratically as the backlog was large. {@code InstanceUpdatePlanIT} checks the plans.
 */
final class AttemptUpdates {

    private AttemptUpdates() {}

    /**
     * WAITING to RUNNING on the worker, conditional on the app's epoch. Parameters: 1 worker, 2 epoch, 3 app, 4
     * epoch, 5 app, then the pairs from 6.
     */
    static String claim(int count) {
        // the epoch check reads server_info in the same statement: a claim under an epoch that is no longer the
        // app's changes nothing, and a claim racing a take-over is ordered by the instance's row lock
        return "UPDATE job_instance SET state = 'RUNNING', worker_id = ?1, epoch = ?2, started_at = CURRENT_TIMESTAMP "
                + "WHERE " + sameApp(3) + " AND " + stateIn(sourcesOf(InstanceState.RUNNING, Cause.CLAIM))
                + " AND ?4 = (SELECT s.epoch FROM server_info s WHERE s.app_name = ?5) AND (id, attempt) IN "
                + pairs(6, count);
    }

    /**
     * RUNNING on the worker to {@code state}. Parameters: 1 state, 2 result, 3 app, 4 worker, then the pairs from
     * 5.
     */
    static String outcome(InstanceState state, int count) {
        return "UPDATE job_instance SET state = ?1, result = ?2, finished_at = CURRENT_TIMESTAMP WHERE " + sameApp(3)
                + " AND worker_id = ?4 AND " + stateIn(sourcesOf(state, Cause.REPORT)) + " AND (id, attempt) IN "
                + pairs(5, count);
    }

    /** Rows of {@code id, attempt, state, worker_id, epoch}. Parameters: 1 app, then the ids from 2. */
    static String snapshots(int count) {
        return "SELECT id, attempt, state, worker_id, epoch FROM job_instance WHERE " + sameApp(1) + " AND id IN "
                + list(2, count);
    }

    /** Binds the pairs of a {@link #claim} or an {@link #outcome} from the given position. */
    static void bindPairs(Query query, int first, Collection<Attempt> attempts) {
        int position = first;
        for (Attempt a : attempts) {
            query.setParameter(position++, a.instanceId());
            query.setParameter(position++, a.attempt());
        }
    }

    /** The states an instance may move to {@code target} from, as an SQL list. */
    static String sourcesOf(InstanceState target, Cause cause) {
        return InstanceTransitions.sourcesOf(target, cause).stream()
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String sameApp(int parameter) {
        return "COALESCE(app_name, '') = ?" + parameter;
    }

    private static String stateIn(String states) {
        return "COALESCE(state, '') IN " + states;
    }

    /** {@code ((?n, ?n+1), (?n+2, ?n+3), ...)} for {@code count} pairs. */
    private static String pairs(int first, int count) {
        StringJoiner sql = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            sql.add("(?" + (first + 2 * i) + ", ?" + (first + 2 * i + 1) + ")");
        }
        return sql.toString();
    }

    /** {@code (?n, ?n+1, ...)} for {@code count} parameters. */
    private static String list(int first, int count) {
        StringJoiner sql = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            sql.add("?" + (first + i));
        }
        return sql.toString();
    }
}
