package io.campanile.scheduler.domain.instance;

import static io.campanile.api.InstanceState.BUFFERED;
import static io.campanile.api.InstanceState.CANCELLED;
import static io.campanile.api.InstanceState.FAILED;
import static io.campanile.api.InstanceState.RUNNING;
import static io.campanile.api.InstanceState.SKIPPED;
import static io.campanile.api.InstanceState.SUCCEEDED;
import static io.campanile.api.InstanceState.TIMED_OUT;
import static io.campanile.api.InstanceState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceTransitionsTest {

    /** The expected moves, written out independently of the class under test. */
    private static final Map<InstanceState, Set<InstanceState>> ALLOWED = Map.of(
            WAITING, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, WAITING),
            SUCCEEDED, EnumSet.noneOf(InstanceState.class),
            FAILED, EnumSet.noneOf(InstanceState.class),
            SKIPPED, EnumSet.noneOf(InstanceState.class),
            BUFFERED, EnumSet.of(WAITING, CANCELLED),
            CANCELLED, EnumSet.noneOf(InstanceState.class),
            TIMED_OUT, EnumSet.noneOf(InstanceState.class));

    static Stream<Arguments> everyPairOfStates() {
        return Arrays.stream(InstanceState.values()).flatMap(from -> Arrays.stream(InstanceState.values())
                .map(to -> Arguments.of(from, to, ALLOWED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPairOfStates")
    void allows_exactly_the_moves_of_the_life_cycle(InstanceState from, InstanceState to, boolean allowed) {
        assertThat(InstanceTransitions.canMove(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(InstanceState.class)
    void sources_of_a_target_are_the_states_that_may_move_to_it(InstanceState target) {
        Set<InstanceState> expected = EnumSet.noneOf(InstanceState.class);
        ALLOWED.forEach((from, targets) -> {
            if (targets.contains(target)) {
                expected.add(from);
            }
        });

        assertThat(InstanceTransitions.sourcesOf(target)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(
            value = InstanceState.class,
            names = {"SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"})
    void terminal_states_never_move(InstanceState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (InstanceState to : InstanceState.values()) {
            assertThat(InstanceTransitions.canMove(terminal, to))
                    .as("%s -> %s", terminal, to)
                    .isFalse();
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
        InstanceTransitions.sourcesOf(SUCCEEDED).add(WAITING);

        assertThat(InstanceTransitions.canMove(WAITING, SUCCEEDED)).isFalse();
    }
}
