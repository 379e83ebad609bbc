package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.OverlapPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapBooksTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SKIP_REASON =
            "1 earlier fire(s) of the job still going (instance 1); overlap policy SKIP";
    private static final String CANCEL_REASON = "cancelled by the fire at ... (overlap policy CANCEL_RUNNING)";

    /** A job's history: each fire a row, each run an audit line with its start and end (ms after T0). */
    private static final class History {
        final List<InstanceRow> rows = new ArrayList<>();
        final List<AuditLog.Run> runs = new ArrayList<>();

        History ran(int second, String state, long startMillis, long endMillis, String outcome) {
            long id = rows.size() + 1;
            rows.add(new InstanceRow(
                    id,
                    9,
                    fire(second).toString(),
                    fire(second),
                    state,
                    1,
                    1,
                    state.equals("CANCELLED") ? CANCEL_REASON : null));
            runs.add(new AuditLog.Run(
                    "job",
                    fire(second),
                    Long.toString(id),
                    1,
                    "1",
                    "w",
                    T0.plusMillis(startMillis),
                    T0.plusMillis(endMillis),
                    outcome));
            return this;
        }

        History succeeded(int second, long startMillis, long endMillis) {
            return ran(second, "SUCCEEDED", startMillis, endMillis, "done");
        }

        /** A fire interrupted by the next one (CANCEL_RUNNING). */
        History cancelled(int second, long startMillis, long endMillis) {
            return ran(second, "CANCELLED", startMillis, endMillis, "interrupted");
        }

        /** A fire that did not run, recorded SKIPPED with this reason. */
        History skipped(int second, String reason) {
            rows.add(new InstanceRow(rows.size() + 1, 9, "skip:" + second, fire(second), "SKIPPED", 1, 1, reason));
            return this;
        }

        OverlapBooks books(OverlapPolicy policy, int fires) {
            List<Instant> times = new ArrayList<>();
            for (int second = 0; second < fires; second++) {
                times.add(fire(second));
            }
            return new OverlapBooks(policy, times, rows, runs);
        }
    }

    private static Instant fire(int second) {
        return T0.plusSeconds(second);
    }

    /** The books balance, and their summary says what the policy did. */
    private static void assertKept(OverlapBooks books, String... summaryParts) {
        assertThat(books.problems()).isEmpty();
        assertThat(books.summary("job")).contains(summaryParts);
    }

    private static void assertProblemsStartingWith(OverlapBooks books, String... beginnings) {
        for (String beginning : beginnings) {
            assertThat(books.problems()).anyMatch(p -> p.startsWith(beginning));
        }
    }

    @Test
    void skip_with_every_overlapping_fire_skipped_and_recorded_keeps_its_books() {
        OverlapBooks books = new History()
                .succeeded(0, 20, 1520)
                .skipped(1, SKIP_REASON)
                .succeeded(2, 2020, 3520)
                .skipped(3, SKIP_REASON)
                .books(OverlapPolicy.SKIP, 4);

        assertKept(books, "skipped=2", "ran=2");
    }

    @Test
    void skip_finds_two_runs_overlapping_and_a_skip_without_the_reason() {
        OverlapBooks books = new History()
                .succeeded(0, 20, 1520)
                .succeeded(1, 1020, 2520)
                .skipped(2, "misfire policy SKIP")
                .books(OverlapPolicy.SKIP, 3);

        assertProblemsStartingWith(books, "two runs overlap", "a SKIPPED fire without the reason");
    }

    @Test
    void a_lost_fire_time_and_a_fire_time_twice_are_problems() {
        OverlapBooks books =
                new History().succeeded(0, 20, 520).succeeded(0, 1020, 1520).books(OverlapPolicy.SKIP, 3);

        assertThat(books.problems())
                .contains("fire time " + fire(0) + " has 2 instances")
                .contains("fire time " + fire(1) + " has 0 instances");
    }

    @Test
    void a_policy_never_seen_acting_proves_nothing() {
        OverlapBooks books =
                new History().succeeded(0, 20, 520).succeeded(1, 1020, 1520).books(OverlapPolicy.BUFFER_ALL, 2);

        assertProblemsStartingWith(books, "no fire was buffered under BUFFER_ALL");
    }

    @Test
    void buffer_all_runs_every_fire_one_after_another() {
        OverlapBooks books = new History()
                .succeeded(0, 20, 1520)
                .succeeded(1, 1600, 3100)
                .succeeded(2, 3200, 4700)
                .books(OverlapPolicy.BUFFER_ALL, 3);

        assertKept(books, "buffered=2");
    }

    @Test
    void buffer_all_with_a_fire_lost_or_out_of_order_is_caught() {
        OverlapBooks books = new History()
                .succeeded(0, 20, 1520)
                .succeeded(1, 3200, 4700)
                .succeeded(2, 1600, 3100)
                .skipped(3, "overlap policy BUFFER_ALL")
                .books(OverlapPolicy.BUFFER_ALL, 4);

        assertThat(books.problems())
                .anyMatch(p -> p.startsWith("a run started before the run of the fire before it"))
                .anyMatch(p -> p.equals("1 fires SKIPPED under BUFFER_ALL"));
    }

    @Test
    void buffer_one_with_two_fires_held_back_at_once_is_caught() {
        OverlapBooks books = new History()
                .succeeded(0, 20, 2520)
                .succeeded(1, 2600, 3100)
                .succeeded(2, 3200, 3700)
                .books(OverlapPolicy.BUFFER_ONE, 3);

        assertThat(books.problems()).contains("2 fires held back at once under BUFFER_ONE");
    }

    @Test
    void buffer_one_may_buffer_a_new_fire_while_the_one_released_before_it_is_about_to_start() {
        // fire 1, buffered behind fire 0, was released when that run ended (1.52 s) and starts at 2.01 s: fire 2, at
        // 2 s, is the only one held back (behind fire 1, which has not ended), though two fires have not started
        OverlapBooks books = new History()
                .succeeded(0, 20, 1520)
                .succeeded(1, 2010, 3510)
                .succeeded(2, 3600, 5100)
                .skipped(3, "instance 3 is already buffered behind ...; overlap policy BUFFER_ONE")
                .succeeded(4, 5200, 6700)
                .books(OverlapPolicy.BUFFER_ONE, 5);

        assertKept(books, "max-held=1", "buffered=3");
    }

    @Test
    void cancel_running_with_the_cancelled_run_interrupted_and_left_cancelled_keeps_its_books() {
        OverlapBooks books = new History()
                .cancelled(0, 20, 1800)
                .cancelled(1, 1020, 2700)
                .succeeded(2, 2020, 4520)
                .books(OverlapPolicy.CANCEL_RUNNING, 3);

        assertKept(books, "cancelled=2", "interrupted=2");
    }

    @Test
    void cancel_running_finds_a_run_that_went_on_uncancelled_and_a_cancelled_fire_reopened() {
        History history =
                new History().succeeded(0, 20, 2520).cancelled(1, 1020, 2700).succeeded(2, 2020, 4520);
        history.rows.set(1, new InstanceRow(2, 9, fire(1).toString(), fire(1), "CANCELLED", 2, 1, CANCEL_REASON));
        OverlapBooks books = history.books(OverlapPolicy.CANCEL_RUNNING, 3);

        assertProblemsStartingWith(
                books, "a run going when a later fire came was not cancelled", "a CANCELLED fire ran again");
    }
}
