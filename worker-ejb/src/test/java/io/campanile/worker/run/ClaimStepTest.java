package io.campanile.worker.run;

import static io.campanile.worker.testing.Assignments.anAssignment;
import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.testing.CapturedLog;
import io.campanile.worker.testing.Eventually;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimStepTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(3, 5);
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final ClaimStep claims = new ClaimStep(
            "app",
            "w",
            api,
            new ServerCandidates(owner, List.of(server(1), server(2)), server -> false),
            epochs,
            new DeliveryLedger(100),
            Duration.ofMillis(20));

    @BeforeEach
    void discoverOwner() {
        new Discovery(
                        "app",
                        api,
                        new ServerRotation(List.of(server(1))),
                        owner,
                        epochs,
                        System::nanoTime,
                        Duration.ofMillis(250))
                .discover();
        api.calls.clear();
    }

    private static PollAnswer answer(long epoch, Assignment... assignments) {
        return new PollAnswer("server-3", epoch, List.of(assignments));
    }

    @Test
    void claims_all_admitted_attempts_of_an_answer_in_one_request_at_the_owner() {
        List<Assignment> claimed = claims.claim(answer(5, anAssignment(1, 5), anAssignment(2, 2, 5, "hello", null)));

        assertThat(claimed).extracting(Assignment::instanceId).containsExactly(1L, 2L);
        assertThat(api.calls).containsExactly("claim server-3.test");
        assertThat(api.claims).containsExactly(new ClaimRequest("w", 5, List.of(new Claim(1, 1), new Claim(2, 2))));
    }

    @Test
    void never_returns_a_refused_attempt_and_logs_why() {
        api.refusing(2);

        try (CapturedLog log = new CapturedLog(ClaimStep.class)) {
            List<Assignment> claimed = claims.claim(answer(5, anAssignment(1, 5), anAssignment(2, 5)));

            assertThat(claimed).extracting(Assignment::instanceId).containsExactly(1L);
            assertThat(log.atLeast(Level.INFO))
                    .anySatisfy(line -> assertThat(line).contains("instance 2", "scripted refusal"));
        }
    }

    @Test
    void retries_a_failed_claim_at_the_other_servers_and_after_a_pause_until_one_answers() {
        api.claimsUnanswered(4);

        List<Assignment> claimed = claims.claim(answer(5, anAssignment(1, 5)));

        assertThat(claimed).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(api.calls)
                .containsExactly(
                        "claim server-3.test",
                        "claim server-1.test",
                        "claim server-2.test",
                        "claim server-3.test",
                        "claim server-1.test");
    }

    @Test
    void tries_the_next_server_when_one_answers_409_and_gives_up_on_a_bad_request() {
        api.failing(3, 409).failing(1, 400);

        List<Assignment> claimed = claims.claim(answer(5, anAssignment(1, 5)));

        assertThat(claimed).isEmpty();
        assertThat(api.calls).containsExactly("claim server-3.test", "claim server-1.test");
    }

    @Test
    void does_not_claim_work_dispatched_under_an_older_epoch() {
        epochs.observe(6);

        assertThat(claims.claim(answer(6, anAssignment(1, 5)))).isEmpty();
        assertThat(api.claims).isEmpty();
    }

    @Test
    void claims_and_returns_a_repeated_delivery_only_once() {
        assertThat(claims.claim(answer(5, anAssignment(1, 5)))).hasSize(1);
        assertThat(claims.claim(answer(5, anAssignment(1, 5)))).isEmpty();

        assertThat(api.claims).hasSize(1);
    }

    @Test
    void claims_the_same_attempt_again_when_a_newer_owner_hands_it_out_under_its_epoch() {
        api.refusing(1);
        assertThat(claims.claim(answer(5, anAssignment(1, 5)))).isEmpty();

        api.accepting(1);
        epochs.observe(6);
        List<Assignment> claimed = claims.claim(answer(6, anAssignment(1, 6)));

        assertThat(api.claims).extracting(ClaimRequest::epoch).containsExactly(5L, 6L);
        assertThat(claimed).extracting(Assignment::epoch).containsExactly(6L);
    }

    @Test
    void splits_an_answer_into_requests_of_at_most_the_server_limit() {
        Assignment[] many = LongStream.rangeClosed(1, ClaimStep.MAX_CLAIMS + 1)
                .mapToObj(id -> anAssignment(id, 5))
                .toArray(Assignment[]::new);

        assertThat(claims.claim(answer(5, many))).hasSize(ClaimStep.MAX_CLAIMS + 1);
        assertThat(api.claims).extracting(request -> request.claims().size()).containsExactly(ClaimStep.MAX_CLAIMS, 1);
    }

    @Test
    void stopping_ends_the_retries_and_returns_nothing_to_run() throws Exception {
        api.failing(1, 0).failing(2, 0).failing(3, 0);
        CompletableFuture<List<Assignment>> claiming =
                CompletableFuture.supplyAsync(() -> claims.claim(answer(5, anAssignment(1, 5))));
        Eventually.await("two claim rounds", () -> api.calls.size() >= 6);

        claims.stop();

        assertThat(claiming.get(2, TimeUnit.SECONDS)).isEmpty();
    }
}
