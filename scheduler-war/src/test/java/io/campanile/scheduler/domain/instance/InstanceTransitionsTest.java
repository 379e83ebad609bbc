package io.campanile.scheduler.domain.instance;

import static io.campanile.api.InstanceState.BUFFERED;
import static io.campanile.api.InstanceState.CANCELLED;
import static io.campanile.api.InstanceState.FAILED;
import static io.campanile.api.InstanceState.RUNNING;
import static io.campanile.api.InstanceState.SKIPPED;
import static io.campanile.api.InstanceState.SUCCEEDED;
import static io.campanile.api.InstanceState.TIMED_OUT;
import static io.campanile.api.InstanceState.WAITING;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.CLAIM;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.LOST;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.NO_WORKER;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.OPERATOR;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.OVERLAP;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.RELEASE;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.REPORT;
import static io.campanile.scheduler.domain.instance.InstanceTransitions.Cause.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.scheduler.domain.instance.InstanceTransitions.Cause;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceTransitionsTest {

    /** The expected moves, written out independently of the class under test: from, to, who. */
    private static final Set<String> ALLOWED = Set.of(
            move(WAITING, RUNNING, CLAIM),
            move(RUNNING, SUCCEEDED, REPORT),
            move(RUNNING, FAILED, REPORT),
            move(RUNNING, TIMED_OUT, REPORT),
            move(RUNNING, WAITING, RETRY),
            move(RUNNING, FAILED, LOST),
            move(WAITING, FAILED, NO_WORKER),
            move(BUFFERED, WAITING, RELEASE),
            move(WAITING, CANCELLED, OVERLAP),
            move(BUFFERED, CANCELLED, OVERLAP),
            move(RUNNING, CANCELLED, OVERLAP),
            move(WAITING, CANCELLED, OPERATOR),
            move(BUFFERED, CANCELLED, OPERATOR),
            move(RUNNING, CANCELLED, OPERATOR),
            move(SUCCEEDED, WAITING, OPERATOR),
            move(FAILED, WAITING, OPERATOR),
            move(TIMED_OUT, WAITING, OPERATOR),
            move(CANCELLED, WAITING, OPERATOR),
            move(FAILED, SUCCEEDED, OPERATOR),
            move(TIMED_OUT, SUCCEEDED, OPERATOR),
            move(CANCELLED, SUCCEEDED, OPERATOR));

    private static String move(InstanceState from, InstanceState to, Cause cause) {
        return from + "->" + to + " by " + cause;
    }

    static Stream<Arguments> everyMoveByEveryCause() {
        return Arrays.stream(InstanceState.values())
                .flatMap(from -> Arrays.stream(InstanceState.values()).flatMap(to -> Arrays.stream(Cause.values())
                        .map(cause -> Arguments.of(from, to, cause, ALLOWED.contains(move(from, to, cause))))));
    }

    @ParameterizedTest(name = "{0} -> {1} by {2} allowed: {3}")
    @MethodSource("everyMoveByEveryCause")
    void allows_exactly_the_moves_of_the_life_cycle_each_by_its_cause(
            InstanceState from, InstanceState to, Cause cause, boolean allowed) {
        assertThat(InstanceTransitions.canMove(from, to, cause)).isEqualTo(allowed);
        assertThat(InstanceTransitions.sourcesOf(to, cause).contains(from)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(
            value = InstanceState.class,
            names = {"SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED", "SKIPPED"})
    void a_final_state_moves_only_by_an_operators_hand_and_a_skipped_one_never(InstanceState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (InstanceState to : InstanceState.values()) {
            for (Cause cause : Cause.values()) {
                if (cause != OPERATOR || terminal == SKIPPED) {
                    assertThat(InstanceTransitions.canMove(terminal, to, cause))
                            .as("%s -> %s by %s", terminal, to, cause)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void no_state_moves_to_itself() {
        for (InstanceState state : InstanceState.values()) {
            assertThat(InstanceTransitions.canMove(state, state))
                    .as("%s -> %s", state, state)
                    .isFalse();
        }
    }

    @Test
    void sources_are_a_copy_the_caller_cannot_use_to_change_the_rules() {
        InstanceTransitions.sourcesOf(SUCCEEDED, REPORT).add(WAITING);

        assertThat(InstanceTransitions.canMove(WAITING, SUCCEEDED, REPORT)).isFalse();
    }
}
