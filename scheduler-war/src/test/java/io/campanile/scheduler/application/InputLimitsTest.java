package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Heartbeats.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.ReportedState;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void a_worker_id_longer_than_its_column_is_refused() {
        assertThatThrownBy(() -> InputLimits.poll(new PollRequest("w".repeat(201), 1, 0, null)))
                .isInstanceOf(RequestRejected.class)
                .hasMessage("workerId: is longer than 200 characters (201 characters)");
        assertThatCode(() -> InputLimits.poll(new PollRequest("w".repeat(200), 1, 0, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void capacity_is_bounded_so_that_sums_cannot_overflow() {
        assertThatThrownBy(() -> InputLimits.poll(new PollRequest("w", Integer.MAX_VALUE, 0, null)))
                .hasMessage("capacity: must be between 1 and 10000, not 2147483647");
        assertThatThrownBy(() -> InputLimits.poll(new PollRequest("w", 0, 0, null)))
                .hasMessageStartingWith("capacity:");
    }

    @Test
    void identifiers_refuse_every_control_character() {
        assertThatThrownBy(() -> InputLimits.poll(new PollRequest("w\t1", 1, 0, null)))
                .hasMessage("workerId: contains the control character U+0009 at position 1");
        assertThatThrownBy(() -> InputLimits.outcomes(new ReportBatch("w\u0000", List.of())))
                .hasMessageStartingWith("workerId: contains the control character U+0000");
    }

    @Test
    void a_heartbeat_needs_sane_figures() {
        assertThatThrownBy(() -> InputLimits.heartbeat(aHeartbeat("w")
                        .cpuLoad(Double.NaN)
                        .heap(1, 1)
                        .capacity(1)
                        .epochSeen(0)
                        .build()))
                .hasMessage("cpuLoad: must be a finite number");
        assertThatThrownBy(() -> InputLimits.heartbeat(aHeartbeat("w")
                        .cpuLoad(-1)
                        .heap(1, 1)
                        .activeRuns(-3)
                        .capacity(1)
                        .epochSeen(0)
                        .build()))
                .hasMessageStartingWith("activeRuns:");
        for (long wrong : new long[] {0, 99, 3_600_001, -1, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> InputLimits.heartbeat(aHeartbeat("w")
                            .cpuLoad(-1)
                            .heap(1, 1)
                            .capacity(1)
                            .epochSeen(0)
                            .processors("p")
                            .heartbeatMillis(wrong)
                            .build()))
                    .hasMessageContaining("heartbeatMillis");
        }
        assertThatCode(() -> InputLimits.heartbeat(aHeartbeat("w")
                        .cpuLoad(-1)
                        .heap(0, Long.MAX_VALUE)
                        .capacity(8)
                        .epochSeen(0)
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void reported_processor_names_are_bounded_names() {
        assertThatThrownBy(() -> InputLimits.heartbeat(heartbeatWith(List.of("ok", "two\nlines"))))
                .hasMessage("processors[1]: contains the control character U+000A at position 3");
        assertThatThrownBy(() -> InputLimits.heartbeat(heartbeatWith(List.of("p".repeat(201)))))
                .hasMessageStartingWith("processors[0]: is longer than 200 characters");
        assertThatThrownBy(() -> InputLimits.heartbeat(heartbeatWith(java.util.Collections.nCopies(1001, "p"))))
                .hasMessage("processors: has more than 100 names");
        assertThatCode(() -> InputLimits.heartbeat(heartbeatWith(null))).doesNotThrowAnyException();
        assertThatCode(() -> InputLimits.heartbeat(heartbeatWith(List.of("hello", "audit"))))
                .doesNotThrowAnyException();
    }

    private static WorkerHeartbeat heartbeatWith(List<String> processors) {
        return aHeartbeat("w").cpuLoad(0.5).processors(processors).build();
    }

    @Test
    void an_outcome_names_its_bad_attempt_missing_state_and_repeated_instance() {
        assertThatThrownBy(() ->
                        InputLimits.outcomes(batch(new Outcome(1, 0, ReportedState.SUCCEEDED, null, null, null, null))))
                .hasMessageStartingWith("outcomes[0].attempt: must be between 1 and");
        assertThatThrownBy(() -> InputLimits.outcomes(batch(
                        new Outcome(1, 1, ReportedState.SUCCEEDED, null, null, null, null),
                        new Outcome(2, 1, null, null, null, null, null))))
                .hasMessageStartingWith("outcomes[1].state: is required");
        assertThatThrownBy(() -> InputLimits.outcomes(batch(
                        new Outcome(5, 1, ReportedState.SUCCEEDED, null, null, null, null),
                        new Outcome(5, 1, ReportedState.FAILED, "", null, null, null))))
                .hasMessage("outcomes[1].instanceId: names instance 5 twice");
        assertThatThrownBy(() -> InputLimits.outcomes(new ReportBatch("w", null)))
                .hasMessageStartingWith("outcomes:");
        assertThatThrownBy(() -> InputLimits.outcomes(new ReportBatch(
                        "w",
                        java.util.stream.LongStream.rangeClosed(1, 1001)
                                .mapToObj(i -> new Outcome(i, 1, ReportedState.SUCCEEDED, null, null, null, null))
                                .toList())))
                .hasMessage("outcomes: has more than 1000 entries");
    }

    @Test
    void a_claim_names_its_bad_epoch_attempt_and_repeated_instance() {
        assertThatThrownBy(() -> InputLimits.claims(new ClaimRequest("w", 0, List.of(new Claim(1, 1)))))
                .hasMessageStartingWith("epoch: must be between 1 and");
        assertThatThrownBy(() -> InputLimits.claims(new ClaimRequest("w", 1, List.of(new Claim(-1, 1)))))
                .hasMessageStartingWith("claims[0].instanceId: must be between 1 and");
        assertThatThrownBy(
                        () -> InputLimits.claims(new ClaimRequest("w", 1, List.of(new Claim(3, 1), new Claim(3, 2)))))
                .hasMessage("claims[1].instanceId: names instance 3 twice");
        assertThatCode(() -> InputLimits.claims(new ClaimRequest("w", 1, List.of(new Claim(3, 1), new Claim(4, 1)))))
                .doesNotThrowAnyException();
    }

    private static ReportBatch batch(Outcome... outcomes) {
        return new ReportBatch("w", List.of(outcomes));
    }

    @Test
    void a_server_cannot_receive_its_own_hand_off() {
        Handoff fromMe = new Handoff("me", List.of(new Handoff.HeldApp("a", 3)));

        assertThatThrownBy(() -> InputLimits.handoff(fromMe, "me"))
                .hasMessageStartingWith("leavingServerId: names this server (me)");
        assertThatCode(() -> InputLimits.handoff(fromMe, "peer")).doesNotThrowAnyException();
    }

    @Test
    void a_hand_off_names_each_app_once_with_valid_names() {
        assertThatThrownBy(() ->
                        InputLimits.handoff(new Handoff("s", java.util.Arrays.asList((Handoff.HeldApp) null)), "me"))
                .hasMessage("apps[0]: is required");
        assertThatThrownBy(() -> InputLimits.handoff(
                        new Handoff("s", List.of(new Handoff.HeldApp("a", 1), new Handoff.HeldApp("a", 1))), "me"))
                .hasMessage("apps[1].appName: names app a twice");
        assertThatThrownBy(
                        () -> InputLimits.handoff(new Handoff("s", List.of(new Handoff.HeldApp("a\u0000", 1))), "me"))
                .hasMessageStartingWith("apps[0].appName: 'a\u0000' is not valid");
    }

    @Test
    void path_numbers_are_parsed_with_the_field_named() {
        assertThatThrownBy(() -> InputLimits.jobId("abc")).hasMessage("jobId: 'abc' is not a whole number");
        assertThatThrownBy(() -> InputLimits.jobId("0")).hasMessageStartingWith("jobId: must be between 1");
    }

    @Test
    void echoed_values_are_cut_short() {
        String huge = "x".repeat(20_000_000 / 100);

        assertThatThrownBy(() -> Check.wholeNumber("limit", huge, 1, 1000))
                .hasMessage("limit: '" + "x".repeat(Check.ECHO) + "...(200000 characters)' is not a whole number");
    }
}
