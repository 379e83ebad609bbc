package io.campanile.worker.run;

import static io.campanile.worker.testing.Assignments.anAssignmentStartingIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeferredStartsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final DeferredStarts deferred = new DeferredStarts(nanos::get);

    @Test
    void an_attempt_never_held_starts_at_once_and_one_whose_time_came_too() throws Exception {
        Assignment held = anAssignmentStartingIn(1, 30);
        deferred.hold(held, nanos.get() - 1);

        assertThat(deferred.awaitStart(anAssignmentStartingIn(2, 0))).isTrue();
        assertThat(deferred.awaitStart(held)).isTrue();
        assertThat(deferred.size()).isZero();
    }

    @Test
    void the_run_thread_waits_until_the_start_time_never_before() throws Exception {
        DeferredStarts real = new DeferredStarts(System::nanoTime);
        Assignment a = anAssignmentStartingIn(1, 200);
        long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        real.hold(a, startAt);

        assertThat(real.awaitStart(a)).isTrue();

        assertThat(System.nanoTime() - startAt).as("never before its time").isNotNegative();
        assertThat(real.claims()).isEmpty();
    }

    @Test
    void held_attempts_are_named_for_the_heartbeat_and_one_the_owner_stops_never_starts() throws Exception {
        DeferredStarts real = new DeferredStarts(System::nanoTime);
        Assignment stopped = anAssignmentStartingIn(1, 60_000);
        real.hold(stopped, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        real.hold(anAssignmentStartingIn(2, 60_000), System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        CompletableFuture<Boolean> runs = CompletableFuture.supplyAsync(() -> await(real, stopped));

        assertThat(real.claims()).containsExactlyInAnyOrder(new Claim(1, 1), new Claim(2, 1));
        assertThat(real.drop(List.of(new Refusal(1, 1, "stopped by an operator"), new Refusal(9, 1, "x"))))
                .isEqualTo(1);

        assertThat(runs.get(10, TimeUnit.SECONDS))
                .as("the waiting run thread is woken and runs nothing")
                .isFalse();
        assertThat(real.claims()).containsExactly(new Claim(2, 1));
    }

    @Test
    void a_stop_that_comes_before_the_run_thread_still_keeps_it_from_running() throws Exception {
        Assignment a = anAssignmentStartingIn(1, 30);
        deferred.hold(a, nanos.get() + TimeUnit.MILLISECONDS.toNanos(30));

        deferred.drop(List.of(new Refusal(1, 1, "stopped")));

        assertThat(deferred.awaitStart(a)).isFalse();
        assertThat(deferred.awaitStart(a))
                .as("forgotten once seen: a later attempt runs")
                .isTrue();
    }

    @Test
    void the_worker_stopping_cancels_every_held_attempt_and_returns_them_to_report() throws Exception {
        Assignment a = anAssignmentStartingIn(1, 30);
        deferred.hold(a, nanos.get() + TimeUnit.MILLISECONDS.toNanos(30));

        assertThat(deferred.cancelAll()).containsExactly(a);
        assertThat(deferred.awaitStart(a)).isFalse();
        assertThat(deferred.size()).isZero();
    }

    private static boolean await(DeferredStarts d, Assignment a) {
        try {
            return d.awaitStart(a);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
