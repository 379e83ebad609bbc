package io.campanile.scheduler.domain.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeldAppsTest {

    private static final long LEASE = 3000;
    private static final long SAFETY = 500;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final HeldApps held = new HeldApps(clock, SAFETY);
    private final List<String> lost = new ArrayList<>();

    @BeforeEach
    void listen() {
        held.onLost(lost::add);
    }

    @Test
    void validity_ends_safety_millis_before_the_lease_measured_from_the_write() {
        long writtenAt = clock.millis();
        clock.advanceMillis(200); // the renewal took a while; validity still counts from the write
        held.hold("billing", 4, writtenAt, LEASE);

        clock.advanceMillis(LEASE - SAFETY - 200 - 1);
        assertThat(held.epochOf("billing")).contains(4L);
        assertThat(held.holds("billing", 4)).isTrue();

        clock.advanceMillis(1);
        assertThat(held.epochOf("billing")).isEmpty();
        assertThat(held.holds("billing", 4)).isFalse();
        assertThat(held.snapshot()).as("a lapsed app is still renewed").containsExactly(Map.entry("billing", 4L));
    }

    @Test
    void holds_only_the_epoch_it_holds() {
        held.hold("billing", 4, clock.millis(), LEASE);

        assertThat(held.holds("billing", 3)).isFalse();
        assertThat(held.holds("billing", 4)).isTrue();
        assertThat(held.holds("mailing", 4)).isFalse();
    }

    @Test
    void a_renewal_extends_validity_and_keeps_the_time_held() {
        held.hold("billing", 4, clock.millis(), LEASE);
        clock.advanceMillis(2000);
        held.hold("billing", 4, clock.millis(), LEASE);
        clock.advanceMillis(2000);

        assertThat(held.epochOf("billing")).contains(4L);
        assertThat(held.heldForMillis("billing")).isEqualTo(4000);
    }

    @Test
    void a_late_reported_older_write_does_not_shorten_validity() {
        long early = clock.millis();
        clock.advanceMillis(1000);
        held.hold("billing", 4, clock.millis(), LEASE);
        held.hold("billing", 4, early, LEASE);

        clock.advanceMillis(LEASE - SAFETY - 1);
        assertThat(held.epochOf("billing")).contains(4L);
    }

    @Test
    void lose_removes_only_the_matching_epoch_and_notifies_once() {
        held.hold("billing", 4, clock.millis(), LEASE);

        held.lose("billing", 3);
        assertThat(held.epochOf("billing")).contains(4L);
        assertThat(lost).isEmpty();

        held.lose("billing", 4);
        held.lose("billing", 4);
        held.lose("never-held", 1);
        assertThat(held.epochOf("billing")).isEmpty();
        assertThat(held.snapshot()).isEmpty();
        assertThat(lost).containsExactly("billing");
    }

    @Test
    void leave_empties_and_returns_the_apps_to_hand_over_without_notifying() {
        held.hold("billing", 4, clock.millis(), LEASE);
        held.hold("mailing", 7, clock.millis(), LEASE);

        List<Map.Entry<String, Long>> handOver = held.leave();

        assertThat(handOver).containsExactly(Map.entry("billing", 4L), Map.entry("mailing", 7L));
        assertThat(lost).as("the hand-off comes before anything else").isEmpty();
        assertThat(held.isLeaving()).isTrue();
        assertThat(held.snapshot()).isEmpty();
        assertThat(held.epochOf("billing")).isEmpty();
    }

    @Test
    void a_leaving_server_holds_nothing_new() {
        held.leave();

        held.hold("billing", 4, clock.millis(), LEASE);

        assertThat(held.epochOf("billing")).isEmpty();
        assertThat(held.snapshot()).isEmpty();
    }

    @Test
    void a_higher_epoch_replaces_a_lower_one_but_not_the_other_way_round() {
        held.hold("billing", 4, clock.millis(), LEASE);

        held.hold("billing", 3, clock.millis(), LEASE);
        assertThat(held.epochOf("billing")).contains(4L);

        clock.advanceMillis(1000);
        held.hold("billing", 5, clock.millis(), LEASE);
        assertThat(held.epochOf("billing")).contains(5L);
        assertThat(held.heldForMillis("billing")).as("held since the new epoch").isZero();
    }

    @Test
    void an_app_not_held_was_held_for_no_time() {
        assertThat(held.heldForMillis("billing")).isZero();
    }
}
