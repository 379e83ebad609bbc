package io.campanile.worker.logs;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.RunLog;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.LogLine;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLogsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final LogQueue queue = new LogQueue(100);
    private final RunLogs logs = new RunLogs(queue, 20, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Assignment assignment(long instanceId, int attempt, Boolean logsLocal) {
        return new Assignment(instanceId, attempt, 1, "job", "p", NOW, 1, null, null, null, logsLocal, null, null);
    }

    @Test
    void numbers_an_attempts_lines_from_one_with_their_level_and_time() {
        RunLog log = new RunLogs(queue, 10_000, Clock.fixed(NOW, ZoneOffset.UTC)).of(assignment(7, 2, null));
        log.info("one");
        log.error("two", new IllegalStateException("boom"));

        List<LogLine> lines = queue.take(10);
        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.instanceId()).isEqualTo(7);
            assertThat(l.attempt()).isEqualTo(2);
            assertThat(l.at()).isEqualTo(NOW);
        });
        assertThat(lines.get(0).level()).isEqualTo(RunLog.Level.INFO);
        assertThat(lines.get(1).message()).startsWith("two: java.lang.IllegalStateException: boom\n\tat ");
    }

    @Test
    void past_the_attempts_byte_limit_one_line_says_so_and_the_rest_are_dropped() {
        RunLog log = logs.of(assignment(7, 1, null));
        log.info("0123456789");
        log.info("0123456789");
        log.info("over the limit");
        log.info("dropped too");

        List<LogLine> lines = queue.take(10);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).level()).isEqualTo(RunLog.Level.WARN);
        assertThat(lines.get(2).message()).startsWith("run log limit of 20 bytes reached");
        assertThat(logs.of(assignment(8, 1, null)))
                .as("each attempt has its own limit")
                .satisfies(other -> {
                    other.info("fits");
                    assertThat(queue.take(10))
                            .singleElement()
                            .extracting(LogLine::message)
                            .isEqualTo("fits");
                });
    }

    private static LogLine lineOf(String message) {
        return new LogLine(1, 1, 1, NOW, RunLog.Level.INFO, message);
    }

    @Test
    void a_job_that_keeps_its_logs_local_sends_nothing() {
        logs.of(assignment(7, 1, true)).info("stays here");
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_full_queue_drops_and_counts_new_lines_and_what_no_longer_fits_when_put_back() {
        LogQueue small = new LogQueue(2);
        RunLog log = new RunLogs(small, 1000, Clock.systemUTC()).of(assignment(1, 1, null));
        log.info("a");
        log.info("b");
        log.info("c");
        assertThat(small.dropped()).isEqualTo(1);

        List<LogLine> taken = small.take(1);
        log.info("d");
        small.putBack(taken);
        assertThat(small.take(5)).extracting(LogLine::message).containsExactly("b", "d");
        assertThat(small.dropped()).isEqualTo(2);
        small.putBack(List.of(lineOf("x"), lineOf("y")));
        assertThat(small.take(5))
                .as("what is put back goes first")
                .extracting(LogLine::message)
                .containsExactly("x", "y");
    }

    @Test
    void the_shipper_sends_batches_to_the_first_server_that_answers_and_keeps_lines_no_server_took() {
        LogQueue queue = new LogQueue(10_000);
        ScriptedServerApi api = new ScriptedServerApi().failing(1, 0).failing(2, 0);
        LogShipper shipper = new LogShipper(
                "worker-1",
                api,
                new ServerCandidates(new CurrentOwner(), List.of(server(1), server(2)), s -> false),
                queue,
                Duration.ofMillis(10),
                Duration.ofMillis(10));
        RunLog log = new RunLogs(queue, 1_000_000, Clock.systemUTC()).of(assignment(3, 1, null));
        for (int i = 0; i < LogBatch.MAX_LINES + 5; i++) {
            log.info("line " + i);
        }

        assertThat(shipper.flushOnce()).isFalse();
        assertThat(queue.size()).as("kept for the next try").isEqualTo(LogBatch.MAX_LINES + 5);
        api.up(2);
        shipper.flushAll();

        assertThat(queue.size()).isZero();
        assertThat(api.logLines).hasSize(LogBatch.MAX_LINES + 5);
        assertThat(api.logLines.get(0).message()).isEqualTo("line 0");
        assertThat(api.calls)
                .as("the try that found no server, then two batches")
                .filteredOn(c -> c.startsWith("logs server-2"))
                .hasSize(3);
    }
}
