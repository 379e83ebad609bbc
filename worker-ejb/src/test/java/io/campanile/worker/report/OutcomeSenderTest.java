package io.campanile.worker.report;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.testing.CapturedLog;
import io.campanile.worker.testing.Eventually;
import io.campanile.worker.testing.ScriptedServerApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeSenderTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(3, 1);
    private final CurrentOwner owner = new CurrentOwner();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final OutcomeSender sender = sender(server -> false);

    private OutcomeSender sender(Predicate<URI> silent) {
        return new OutcomeSender(
                "worker-1",
                api,
                new ServerCandidates(owner, List.of(server(1), server(2)), silent),
                Duration.ofMillis(20),
                wakeUps::incrementAndGet);
    }

    @BeforeEach
    void discoverOwner() {
        new Discovery(
                        "app",
                        api,
                        new ServerRotation(List.of(server(1))),
                        owner,
                        new EpochGuard(),
                        System::nanoTime,
                        Duration.ofMillis(250))
                .discover();
        api.calls.clear();
    }

    private static Outcome outcome(long instanceId) {
        return new Outcome(instanceId, 1, ReportedState.SUCCEEDED, "ok", null, null, null);
    }

    @Test
    void sends_everything_queued_as_one_batch_to_the_owner() {
        sender.submit(outcome(1));
        sender.submit(outcome(2));

        assertThat(sender.flush()).isTrue();

        assertThat(api.calls).containsExactly("report server-3.test");
        assertThat(api.reports).containsExactly(new ReportBatch("worker-1", List.of(outcome(1), outcome(2))));
        assertThat(sender.waiting()).isZero();
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void tries_the_other_servers_when_the_owner_does_not_answer_or_no_longer_owns_the_app() {
        api.failing(3, 0).failing(1, 409);
        sender.submit(outcome(1));

        sender.flush();

        assertThat(api.calls).containsExactly("report server-3.test", "report server-1.test", "report server-2.test");
        assertThat(sender.waiting()).isZero();
    }

    @Test
    void keeps_a_batch_no_server_took_and_delivers_it_in_order_with_later_outcomes() {
        api.failing(1, 0).failing(2, 503).failing(3, 0);
        sender.submit(outcome(1));
        sender.submit(outcome(2));
        assertThat(sender.flush()).isFalse();
        sender.submit(outcome(3));
        assertThat(sender.waiting()).isEqualTo(3);
        assertThat(wakeUps).hasValue(0);

        api.up(3);
        assertThat(sender.flush()).isTrue();

        assertThat(sender.waiting()).isZero();
        assertThat(api.outcomes()).containsExactly(outcome(1), outcome(2), outcome(3));
    }

    @Test
    void never_drops_an_outcome_however_long_no_server_takes_them() {
        api.failing(1, 0).failing(2, 0).failing(3, 0);
        for (int i = 1; i <= 2500; i++) {
            sender.submit(outcome(i));
            if (i % 500 == 0) {
                sender.flush();
            }
        }
        assertThat(sender.waiting()).isEqualTo(2500);

        api.up(3);
        sender.flush();

        assertThat(api.reports)
                .extracting(batch -> batch.outcomes().size())
                .as("batches of at most the server's limit")
                .containsExactly(OutcomeSender.MAX_BATCH, OutcomeSender.MAX_BATCH, 500);
        assertThat(api.outcomes())
                .extracting(Outcome::instanceId)
                .doesNotHaveDuplicates()
                .hasSize(2500);
        assertThat(api.outcomes().get(0).instanceId()).isEqualTo(1);
    }

    @Test
    void logs_and_drops_the_outcomes_a_server_refuses_and_keeps_the_rest_delivered() {
        api.refusing(2);

        try (CapturedLog log = new CapturedLog(OutcomeSender.class)) {
            sender.submit(outcome(1));
            sender.submit(outcome(2));
            sender.flush();

            assertThat(sender.waiting()).isZero();
            assertThat(log.atLeast(Level.WARNING)).singleElement().satisfies(line -> assertThat(line)
                    .contains("instance 2", "scripted refusal"));
        }
        assertThat(api.calls).containsExactly("report server-3.test");
    }

    @Test
    void drops_an_outcome_rejected_as_a_bad_request_without_trying_other_servers() {
        api.failing(3, 400);
        sender.submit(outcome(1));

        assertThat(sender.flush()).isTrue();

        assertThat(sender.waiting()).isZero();
        assertThat(api.calls).containsExactly("report server-3.test");
    }

    @Test
    void of_a_batch_rejected_as_a_bad_request_drops_only_the_unreadable_outcome() {
        api.rejectingReportsOf(6);
        for (long id = 1; id <= 8; id++) {
            sender.submit(outcome(id));
        }

        assertThat(sender.flush()).isTrue();

        assertThat(api.outcomes()).extracting(Outcome::instanceId).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L);
        assertThat(sender.waiting()).isZero();
        assertThat(api.calls).as("halves, not one call per outcome").hasSizeLessThan(10);
    }

    @Test
    void keeps_what_follows_a_rejected_outcome_when_no_server_answers_any_more() {
        api.rejectingReportsOf(2);
        for (long id = 1; id <= 4; id++) {
            sender.submit(outcome(id));
        }
        sender.flush();
        api.failing(3, 0).failing(1, 0).failing(2, 0);
        sender.submit(outcome(5));
        assertThat(sender.flush()).isFalse();
        assertThat(sender.waiting()).isEqualTo(1);

        api.up(3);
        assertThat(sender.flush()).isTrue();
        assertThat(api.outcomes()).extracting(Outcome::instanceId).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void tries_a_silent_owner_last() {
        OutcomeSender skipping = sender(server(3)::equals);
        api.failing(1, 0);
        skipping.submit(outcome(1));

        skipping.flush();

        assertThat(api.calls).containsExactly("report server-1.test", "report server-2.test");
    }

    @Test
    void its_thread_sends_what_is_queued_and_retries_until_a_server_takes_it() throws Exception {
        api.failing(1, 0).failing(2, 0).failing(3, 0);
        Thread thread = new Thread(sender, "outcome-sender-under-test");
        thread.start();
        try {
            sender.submit(outcome(1));
            Eventually.await("two failed rounds", () -> api.calls.size() >= 6);
            assertThat(sender.waiting()).isEqualTo(1);

            api.up(2);

            Eventually.await("the outcome is delivered", () -> sender.waiting() == 0);
            assertThat(api.outcomes()).containsExactly(outcome(1));
        } finally {
            sender.stop();
            thread.join(2000);
        }
        assertThat(thread.isAlive()).isFalse();
    }
}
