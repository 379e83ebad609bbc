package io.campanile.scheduler.domain.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.DispatchStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerPickerTest {

    private final WorkerPicker picker = new WorkerPicker(new Random(7));

    @Test
    void health_first_takes_the_first_candidate() {
        assertThat(picker.pick(DispatchStrategy.HEALTH_FIRST, 1, null, List.of("b", "a"), List.of()))
                .contains("b");
    }

    @Test
    void random_spreads_over_every_candidate() {
        Set<String> picked = new HashSet<>();
        IntStream.range(0, 200)
                .forEach(
                        i -> picked.add(picker.pick(DispatchStrategy.RANDOM, 1, null, List.of("a", "b", "c"), List.of())
                                .orElseThrow()));
        assertThat(picked).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void round_robin_takes_each_eligible_worker_in_turn_per_job_and_skips_one_that_cannot_take_work_now() {
        List<String> all = List.of("w1", "w2", "w3");
        List<String> turns = IntStream.range(0, 6)
                .mapToObj(i -> picker.pick(DispatchStrategy.ROUND_ROBIN, 1, null, all, all)
                        .orElseThrow())
                .toList();
        assertThat(turns).containsExactly("w1", "w2", "w3", "w1", "w2", "w3");

        assertThat(picker.pick(DispatchStrategy.ROUND_ROBIN, 1, null, List.of("w3"), all))
                .as("w1 is busy: the next in turn that can take work")
                .contains("w3");
        assertThat(picker.pick(DispatchStrategy.ROUND_ROBIN, 2, null, all, all))
                .as("another job has its own turn")
                .contains("w1");
    }

    @Test
    void consistent_hashing_sends_a_key_to_one_worker_and_moves_few_keys_when_a_worker_leaves() {
        List<String> four = List.of("w1", "w2", "w3", "w4");
        List<String> three = List.of("w1", "w2", "w3");
        Map<String, String> before = new HashMap<>();
        int moved = 0;
        for (int k = 0; k < 1000; k++) {
            String key = "{\"customer\":" + k + "}";
            String owner = picker.pick(DispatchStrategy.CONSISTENT_HASH, 1, key, four, four)
                    .orElseThrow();
            assertThat(picker.pick(DispatchStrategy.CONSISTENT_HASH, 1, key, four, four))
                    .contains(owner);
            before.put(key, owner);
            String after = picker.pick(DispatchStrategy.CONSISTENT_HASH, 1, key, three, three)
                    .orElseThrow();
            if (!owner.equals("w4")) {
                assertThat(after).as("a key whose worker stays keeps it").isEqualTo(owner);
            } else {
                moved++;
            }
        }
        assertThat(new HashSet<>(before.values())).containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
        assertThat(moved).as("about a quarter of the keys were on w4").isBetween(150, 350);
    }

    @Test
    void consistent_hashing_lets_the_instance_wait_while_its_worker_cannot_take_it() {
        List<String> all = List.of("w1", "w2");
        String key = "k";
        String owner =
                picker.pick(DispatchStrategy.CONSISTENT_HASH, 1, key, all, all).orElseThrow();
        String other = owner.equals("w1") ? "w2" : "w1";

        assertThat(picker.pick(DispatchStrategy.CONSISTENT_HASH, 1, key, List.of(other), all))
                .isEqualTo(Optional.empty());
    }

    @Test
    void no_candidate_no_worker() {
        for (DispatchStrategy s : DispatchStrategy.values()) {
            assertThat(picker.pick(s, 1, "k", List.of(), List.of("w1")))
                    .as("%s", s)
                    .isEmpty();
        }
    }

    @Test
    void the_hash_is_the_same_on_every_server() {
        assertThat(WorkerPicker.hash("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(WorkerPicker.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }
}
