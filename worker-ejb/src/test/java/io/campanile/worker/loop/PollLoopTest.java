package io.campanile.worker.loop;

import static io.campanile.worker.testing.Assignments.anAssignment;
import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ProcessResult;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.run.AssignmentRunner;
import io.campanile.worker.run.ClaimStep;
import io.campanile.worker.run.DeliveryLedger;
import io.campanile.worker.run.ResolvedProcessor;
import io.campanile.worker.run.RunDispatcher;
import io.campanile.worker.testing.Eventually;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollLoopTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(1, 3);
    private final CurrentOwner owner = new CurrentOwner();
    private final EpochGuard epochs = new EpochGuard();
    private final Discovery discovery = new Discovery(
            "app",
            api,
            new ServerRotation(List.of(server(1), server(2))),
            owner,
            epochs,
            System::nanoTime,
            Duration.ofMillis(250));
    private final List<Long> ran = new CopyOnWriteArrayList<>();
    private final RunDispatcher runs = new RunDispatcher(
            4,
            new AssignmentRunner(
                    "app",
                    name -> Optional.of(ResolvedProcessor.of(context -> {
                        ran.add(context.instanceId());
                        return ProcessResult.success("ok");
                    })),
                    outcome -> {}),
            Runnable::run,
            () -> 0);
    private final ClaimStep claims = new ClaimStep(
            "app",
            "w",
            api,
            new ServerCandidates(owner, List.of(server(1), server(2)), server -> false),
            epochs,
            new DeliveryLedger(10),
            Duration.ofMillis(50));
    private final PollLoop loop =
            new PollLoop("w", api, owner, discovery, epochs, runs, claims, Duration.ofMillis(250));
    private Thread thread;

    private void start() {
        thread = new Thread(loop, "poll-loop-under-test");
        thread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        loop.stop();
        if (thread != null) {
            thread.join(5000);
            assertThat(thread.isAlive()).as("poll loop ended").isFalse();
        }
    }

    @Test
    void discovers_the_owner_and_polls_it() {
        start();

        Eventually.await("the owner is polled", () -> api.calls.contains("poll server-1.test"));
        assertThat(api.calls.get(0)).isEqualTo("discover server-1.test");
    }

    @Test
    void asks_for_at_most_what_the_server_takes_however_large_the_capacity_and_prefetch() {
        RunDispatcher large = new RunDispatcher(
                10_000,
                10_000,
                new AssignmentRunner("app", name -> Optional.empty(), outcome -> {}),
                Runnable::run,
                () -> 0,
                () -> true);
        PollLoop loopOfLarge = new PollLoop("w", api, owner, discovery, epochs, large, claims, Duration.ofMillis(250));
        Thread polling = new Thread(loopOfLarge, "large-poll-loop");
        polling.start();
        try {
            Eventually.await("the owner is polled", () -> !api.pollRequests.isEmpty());
            assertThat(api.pollRequests.get(0).capacity()).isEqualTo(PollLoop.MAX_ASKED);
        } finally {
            loopOfLarge.stop();
            polling.interrupt();
        }
    }

    @Test
    void claims_the_attempts_of_an_answer_and_runs_the_claimed_ones() {
        api.nextPollHandsOut(anAssignment(1, 3), anAssignment(2, 3)).refusing(2);
        start();

        Eventually.await("instance 1 ran", () -> ran.contains(1L));
        assertThat(api.claims).first().satisfies(request -> {
            assertThat(request.workerId()).isEqualTo("w");
            assertThat(request.epoch()).isEqualTo(3);
            assertThat(request.claims()).hasSize(2);
        });
        assertThat(ran).containsExactly(1L);
    }

    @Test
    void never_polls_again_before_the_claim_of_the_previous_answer_is_settled() {
        api.nextPollHandsOut(anAssignment(1, 3)).claimsUnanswered(5);
        start();

        Eventually.await("instance 1 ran", () -> ran.contains(1L));
        Eventually.await(
                "polled again",
                () -> api.calls.stream().filter(c -> c.startsWith("poll")).count() >= 2);

        List<String> calls = List.copyOf(api.calls);
        int secondPoll = indexOf(calls, "poll", 2);
        assertThat(indexOf(calls, "claim", 6))
                .as("five failed claim calls and the answered one, all before the next poll")
                .isBetween(0, secondPoll);
        assertThat(ran).containsExactly(1L);
    }

    private static int indexOf(List<String> calls, String prefix, int nth) {
        int seen = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix) && ++seen == nth) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void polls_the_new_owner_after_the_old_one_answers_409() {
        start();
        Eventually.await("server-1 is polled", () -> api.calls.contains("poll server-1.test"));

        api.owner(2, 4).failing(1, 409);

        Eventually.await("server-2 is polled", () -> api.calls.contains("poll server-2.test"));
        assertThat(epochs.newest()).isEqualTo(4);
    }

    @Test
    void rediscovers_at_once_when_the_owner_answers_503_because_it_is_shutting_down() {
        start();
        Eventually.await("server-1 is polled", () -> api.calls.contains("poll server-1.test"));

        api.owner(2, 4).failing(1, 503);

        Eventually.await("server-2 is polled", Duration.ofSeconds(2), () -> api.calls.contains("poll server-2.test"));
    }

    @Test
    void keeps_discovering_while_no_server_answers_and_polls_once_one_does() {
        api.failing(1, 0).failing(2, 0);
        start();
        Eventually.await(
                "two failed discovery rounds",
                () -> api.calls.stream().filter(c -> c.startsWith("discover")).count() >= 4);

        api.up(2).owner(2, 4);

        Eventually.await("server-2 is polled", Duration.ofSeconds(3), () -> api.calls.contains("poll server-2.test"));
    }

    @Test
    void a_poll_hanging_at_a_frozen_owner_is_abandoned_as_soon_as_discovery_names_a_newer_epoch() {
        discovery.onAnswer(loop::ownerNamed);
        api.hangingPolls(1);
        start();
        Eventually.await("server-1 is polled", () -> api.calls.contains("poll server-1.test"));

        api.owner(2, 4);
        discovery.discover();

        Eventually.await("server-2 is polled", Duration.ofSeconds(2), () -> api.calls.contains("poll server-2.test"));
        assertThat(api.calls).contains("poll abandoned server-1.test");
        assertThat(api.calls.stream().filter(c -> c.startsWith("discover")).count())
                .as("an abandoned poll is no failure: no discovery of its own")
                .isEqualTo(2);
    }

    @Test
    void a_poll_is_not_abandoned_while_discovery_names_the_same_owner_and_epoch() {
        discovery.onAnswer(loop::ownerNamed);
        api.hangingPolls(1);
        start();
        Eventually.await("server-1 is polled", () -> api.calls.contains("poll server-1.test"));

        discovery.discover();
        discovery.discover();
        api.owner(2, 4);
        discovery.discover();
        Eventually.await("server-2 is polled", () -> api.calls.contains("poll server-2.test"));

        assertThat(api.calls.stream().filter(c -> c.equals("poll server-1.test")))
                .as("one poll at server-1, held through the answers that named it again")
                .hasSize(1);
        assertThat(api.calls.stream().filter(c -> c.equals("poll abandoned server-1.test")))
                .hasSize(1);
    }

    @Test
    void backs_off_while_every_server_refuses_the_credentials() {
        api.failing(1, 401).failing(2, 401);
        long started = System.nanoTime();
        start();

        Eventually.await(
                "four refused rounds",
                Duration.ofSeconds(5),
                () -> api.calls.stream().filter(c -> c.startsWith("discover")).count() >= 8);

        // pauses of 250, 500 and 1000 ms before rounds 2 to 4; without a back-off they would take 750 ms
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1700));
    }

    @Test
    void stops_promptly_while_waiting_between_discovery_rounds() throws InterruptedException {
        api.failing(1, 0).failing(2, 0);
        start();
        Eventually.await("a failed discovery round", () -> api.calls.size() >= 2);

        long started = System.nanoTime();
        loop.stop();
        thread.join(2000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
