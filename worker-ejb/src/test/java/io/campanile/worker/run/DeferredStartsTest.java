package io.campanile.worker.run;

import static io.campanile.worker.testing.Assignments.anAssignmentStartingIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.Refusal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeferredStartsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Long> started = new CopyOnWriteArrayList<>();
    private final DeferredStarts deferred = new DeferredStarts(nanos::get, a -> started.add(a.instanceId()));

    @Test
    void an_attempt_starts_at_its_time_not_before_and_in_the_order_of_the_times() {
        deferred.hold(anAssignmentStartingIn(1, 30), at(30));
        deferred.hold(anAssignmentStartingIn(2, 10), at(10));

        assertThat(deferred.check()).isZero();
        advance(9);
        assertThat(deferred.check()).isZero();
        advance(1);
        assertThat(deferred.check()).isEqualTo(1);
        assertThat(started).containsExactly(2L);
        advance(25);
        deferred.check();

        assertThat(started).containsExactly(2L, 1L);
        assertThat(deferred.size()).isZero();
    }

    @Test
    void held_attempts_are_named_for_the_heartbeat_and_one_the_owner_stops_never_starts() {
        deferred.hold(anAssignmentStartingIn(1, 30), at(30));
        deferred.hold(anAssignmentStartingIn(2, 30), at(30));

        assertThat(deferred.claims()).containsExactlyInAnyOrder(new Claim(1, 1), new Claim(2, 1));
        assertThat(deferred.drop(List.of(new Refusal(1, 1, "stopped by an operator"), new Refusal(9, 1, "x"))))
                .isEqualTo(1);
        advance(30);
        deferred.check();

        assertThat(started).containsExactly(2L);
    }

    @Test
    void the_worker_stopping_takes_every_held_attempt_and_none_starts() {
        deferred.hold(anAssignmentStartingIn(1, 30), at(30));

        List<Assignment> taken = deferred.takeAll();
        advance(30);
        deferred.check();

        assertThat(taken).extracting(Assignment::instanceId).containsExactly(1L);
        assertThat(started).isEmpty();
    }

    @Test
    void on_its_own_thread_it_starts_a_held_attempt_within_a_few_milliseconds_of_its_time() throws Exception {
        List<Long> lateByNanos = new CopyOnWriteArrayList<>();
        long[] due = new long[1];
        DeferredStarts real = new DeferredStarts(System::nanoTime, a -> lateByNanos.add(System.nanoTime() - due[0]));
        Thread thread = new Thread(real, "deferred-starts-test");
        thread.start();
        try {
            due[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            real.hold(anAssignmentStartingIn(1, 200), due[0]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lateByNanos.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            real.stop();
            thread.join(5000);
        }

        assertThat(lateByNanos).hasSize(1);
        assertThat(lateByNanos.get(0)).as("never before its time").isNotNegative();
        assertThat(thread.isAlive()).isFalse();
    }

    private long at(long millisFromNow) {
        return nanos.get() + TimeUnit.MILLISECONDS.toNanos(millisFromNow);
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
