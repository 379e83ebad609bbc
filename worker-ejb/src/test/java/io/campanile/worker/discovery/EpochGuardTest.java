package io.campanile.worker.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochGuardTest {

    private final EpochGuard guard = new EpochGuard();

    @Test
    void rejects_assignment_with_older_epoch() {
        guard.observe(5);

        assertThat(guard.admits(4)).isFalse();
    }

    @Test
    void admits_assignment_with_the_newest_or_a_newer_epoch() {
        guard.observe(5);

        assertThat(guard.admits(5)).isTrue();
        assertThat(guard.admits(6)).isTrue();
    }

    @Test
    void newest_epoch_never_goes_back() {
        guard.observe(7);
        guard.observe(3);

        assertThat(guard.newest()).isEqualTo(7);
        assertThat(guard.admits(6)).isFalse();
    }

    @Test
    void admits_anything_before_an_epoch_was_seen() {
        assertThat(guard.newest()).isZero();
        assertThat(guard.admits(1)).isTrue();
    }
}
