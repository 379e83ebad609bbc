package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingPollsTest {

    private final WaitingPolls polls = new WaitingPolls();

    @Test
    void add_replaces_an_older_poll_of_the_same_worker_and_returns_it() {
        WaitingPolls.Poll older = aPoll("billing", "worker-1");
        WaitingPolls.Poll other = aPoll("billing", "worker-2");
        WaitingPolls.Poll newer = aPoll("billing", "worker-1");
        polls.add(older);
        polls.add(other);

        List<WaitingPolls.Poll> replaced = polls.add(newer);

        assertThat(replaced).containsExactly(older);
        assertThat(polls.takeAll("billing")).containsExactlyInAnyOrder(other, newer);
    }

    @Test
    void add_replaces_nothing_for_a_new_worker_or_another_app() {
        polls.add(aPoll("billing", "worker-1"));

        assertThat(polls.add(aPoll("billing", "worker-2"))).isEmpty();
        assertThat(polls.add(aPoll("mailing", "worker-1"))).isEmpty();
    }

    @Test
    void remove_is_true_only_for_whoever_removes_the_poll_first() {
        WaitingPolls.Poll poll = aPoll("billing", "worker-1");
        polls.add(poll);

        assertThat(polls.remove(poll)).isTrue();
        assertThat(polls.remove(poll)).isFalse();
    }

    @Test
    void remove_of_a_poll_never_added_is_false() {
        assertThat(polls.remove(aPoll("billing", "worker-1"))).isFalse();
    }

    @Test
    void a_replaced_poll_can_no_longer_be_removed() {
        WaitingPolls.Poll older = aPoll("billing", "worker-1");
        polls.add(older);
        polls.add(aPoll("billing", "worker-1"));

        assertThat(polls.remove(older)).isFalse();
    }

    @Test
    void take_all_empties_the_app_and_leaves_others() {
        WaitingPolls.Poll one = aPoll("billing", "worker-1");
        WaitingPolls.Poll two = aPoll("billing", "worker-2");
        WaitingPolls.Poll elsewhere = aPoll("mailing", "worker-3");
        polls.add(one);
        polls.add(two);
        polls.add(elsewhere);

        assertThat(polls.takeAll("billing")).containsExactly(one, two);
        assertThat(polls.takeAll("billing")).isEmpty();
        assertThat(polls.remove(one)).isFalse();
        assertThat(polls.appsWithPolls()).containsExactly("mailing");
    }

    @Test
    void a_poll_put_back_waits_again() {
        WaitingPolls.Poll poll = aPoll("billing", "worker-1");
        polls.add(poll);
        polls.takeAll("billing");

        polls.putBack(poll);

        assertThat(polls.appsWithPolls()).containsExactly("billing");
        assertThat(polls.remove(poll)).isTrue();
    }

    @Test
    void reject_all_tells_every_worker_of_the_app_that_this_server_is_not_the_owner() {
        RecordingAnswerer first = new RecordingAnswerer();
        RecordingAnswerer second = new RecordingAnswerer();
        RecordingAnswerer elsewhere = new RecordingAnswerer();
        polls.add(aPoll("billing", "worker-1", first));
        polls.add(aPoll("billing", "worker-2", second));
        polls.add(aPoll("mailing", "worker-3", elsewhere));

        polls.rejectAll("billing");

        assertThat(first.notOwner).containsExactly("this server no longer owns app billing");
        assertThat(second.notOwner).containsExactly("this server no longer owns app billing");
        assertThat(elsewhere.notOwner).isEmpty();
        assertThat(first.delivered).isEmpty();
        assertThat(polls.appsWithPolls()).containsExactly("mailing");
    }

    @Test
    void reject_everything_rejects_every_app() {
        RecordingAnswerer billing = new RecordingAnswerer();
        RecordingAnswerer mailing = new RecordingAnswerer();
        polls.add(aPoll("billing", "worker-1", billing));
        polls.add(aPoll("mailing", "worker-2", mailing));

        polls.rejectEverything();

        assertThat(billing.notOwner).hasSize(1);
        assertThat(mailing.notOwner).hasSize(1);
        assertThat(polls.appsWithPolls()).isEmpty();
    }

    private static WaitingPolls.Poll aPoll(String app, String workerId) {
        return aPoll(app, workerId, new RecordingAnswerer());
    }

    private static WaitingPolls.Poll aPoll(String app, String workerId, RecordingAnswerer answerer) {
        return new WaitingPolls.Poll(app, new PollRequest(workerId, 4, 1, null), answerer);
    }

    /** Compared by identity, like a real connection. */
    private static final class RecordingAnswerer implements WaitingPolls.Answerer {

        final List<PollAnswer> delivered = new ArrayList<>();
        final List<String> notOwner = new ArrayList<>();

        @Override
        public boolean deliver(PollAnswer answer) {
            delivered.add(answer);
            return true;
        }

        @Override
        public void notOwner(String message) {
            notOwner.add(message);
        }
    }
}
