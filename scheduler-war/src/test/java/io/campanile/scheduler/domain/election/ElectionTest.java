package io.campanile.scheduler.domain.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.protocol.Handoff;
import io.campanile.scheduler.testing.InMemoryOwnershipRepository;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElectionTest {

    private static final long LEASE = 3000;
    private static final long SAFETY = 500;
    private static final String APP = "billing";

    private final MutableClock hostClock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    // The database's clock need not agree with the hosts': here it runs 7 s ahead.
    private final MutableClock databaseClock = new MutableClock(Instant.parse("2024-05-01T10:00:07Z"));
    private final InMemoryOwnershipRepository repository = new InMemoryOwnershipRepository(databaseClock);
    private final FakePeers peers = new FakePeers();

    private final Server a = server("a", repository, hostClock);
    private final Server b = server("b", repository, hostClock);

    @Test
    void first_claim_takes_an_unclaimed_app_at_epoch_1_and_records_it() {
        repository.register(APP);

        Ownership owner = a.election.ownerOf(APP).orElseThrow();

        assertThat(owner.ownerId()).isEqualTo("a");
        assertThat(owner.ownerUrl()).isEqualTo("http://a");
        assertThat(owner.epoch()).isEqualTo(1);
        assertThat(owner.leaseValid()).isTrue();
        assertThat(a.held.epochOf(APP)).contains(1L);
        assertThat(repository.history(10)).singleElement().satisfies(change -> {
            assertThat(change.appName()).isEqualTo(APP);
            assertThat(change.oldOwnerId()).isNull();
            assertThat(change.newOwnerId()).isEqualTo("a");
            assertThat(change.epoch()).isEqualTo(1);
            assertThat(change.reason()).isEqualTo(OwnershipChangeReason.FIRST_CLAIM);
        });
    }

    @Test
    void won_take_overs_and_failed_renewals_are_told_to_the_observer() {
        List<String> events = new ArrayList<>();
        ElectionEvents observer = new ElectionEvents() {
            @Override
            public void tookOver(String appName, OwnershipChangeReason reason) {
                events.add(appName + " " + reason);
            }

            @Override
            public void renewalFailed() {
                events.add("renewal failed");
            }
        };
        a.election.onEvents(observer);
        b.election.onEvents(observer);
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(LEASE + 1);
        b.election.ownerOf(APP);
        Election broken = new Election(
                new InMemoryOwnershipRepository(databaseClock) {
                    @Override
                    public java.util.Set<String> renewAll(String serverId, Map<String, Long> apps, long leaseMillis) {
                        throw new IllegalStateException("database gone");
                    }
                },
                peers,
                b.identity,
                b.held,
                hostClock,
                LEASE);
        broken.onEvents(observer);

        broken.renewLeases();

        assertThat(events)
                .containsExactly(
                        APP + " " + OwnershipChangeReason.FIRST_CLAIM,
                        APP + " " + OwnershipChangeReason.LEASE_EXPIRED,
                        "renewal failed");
    }

    @Test
    void an_unknown_app_has_no_owner() {
        assertThat(a.election.ownerOf("nobody-registered-this")).isEmpty();
        assertThat(repository.history(10)).isEmpty();
    }

    @Test
    void the_owner_keeps_its_own_app_without_pinging_anyone() {
        repository.register(APP);
        a.election.ownerOf(APP);

        Ownership again = a.election.ownerOf(APP).orElseThrow();

        assertThat(again.ownerId()).isEqualTo("a");
        assertThat(again.epoch()).isEqualTo(1);
        assertThat(peers.pinged).isEmpty();
        assertThat(repository.history(10)).hasSize(1);
    }

    @Test
    void keeps_owner_while_lease_valid_even_if_ping_fails() {
        repository.register(APP);
        a.election.ownerOf(APP);
        peers.disconnect(a.identity.url());
        timePasses(LEASE - 1);

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(peers.pinged).containsExactly("http://a " + APP);
        assertThat(seenByB.ownerId()).isEqualTo("a");
        assertThat(seenByB.epoch()).isEqualTo(1);
        assertThat(b.held.snapshot()).isEmpty();
        assertThat(repository.history(10)).hasSize(1);
    }

    @Test
    void a_lease_that_runs_out_while_the_ping_waits_for_a_silent_owner_is_taken_over_at_once() {
        repository.register(APP);
        a.election.ownerOf(APP);
        peers.disconnect(a.identity.url());
        timePasses(LEASE - 1);
        peers.duringUnansweredPing = () -> timePasses(1000); // the PING's time-out

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("b");
        assertThat(seenByB.epoch()).isEqualTo(2);
        assertThat(repository.history(10)).first().satisfies(change -> assertThat(change.reason())
                .isEqualTo(OwnershipChangeReason.LEASE_EXPIRED));
    }

    @Test
    void an_owner_taken_over_by_another_server_while_the_ping_waited_is_answered() {
        repository.register(APP);
        a.election.ownerOf(APP);
        peers.disconnect(a.identity.url());
        timePasses(LEASE - 1);
        Server c = server("c", repository, hostClock);
        peers.duringUnansweredPing = () -> {
            timePasses(1000);
            c.election.adoptOrphans();
        };

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("c");
        assertThat(seenByB.epoch()).isEqualTo(2);
        assertThat(b.held.snapshot()).isEmpty();
    }

    @Test
    void keeps_owner_that_answers_it_owns_the_app() {
        repository.register(APP);
        a.election.ownerOf(APP);

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("a");
        assertThat(seenByB.epoch()).isEqualTo(1);
        assertThat(peers.pinged).hasSize(1);
        assertThat(b.held.snapshot()).isEmpty();
    }

    @Test
    void takes_over_at_the_next_epoch_when_the_lease_has_expired() {
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(LEASE);

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("b");
        assertThat(seenByB.epoch()).isEqualTo(2);
        assertThat(b.held.epochOf(APP)).contains(2L);
        assertThat(peers.pinged).as("an expired lease needs no PING").isEmpty();
        assertThat(repository.history(1)).singleElement().satisfies(change -> {
            assertThat(change.oldOwnerId()).isEqualTo("a");
            assertThat(change.newOwnerId()).isEqualTo("b");
            assertThat(change.epoch()).isEqualTo(2);
            assertThat(change.reason()).isEqualTo(OwnershipChangeReason.LEASE_EXPIRED);
        });
    }

    @Test
    void judges_the_lease_on_database_time_not_on_its_own_host_clock() {
        repository.register(APP);
        a.election.ownerOf(APP);
        peers.disconnect(a.identity.url());
        Server farAhead =
                server("c", repository, new MutableClock(hostClock.instant().plus(Duration.ofHours(1))));

        Ownership seen = farAhead.election.ownerOf(APP).orElseThrow();

        assertThat(seen.ownerId()).isEqualTo("a");
        assertThat(seen.epoch()).isEqualTo(1);
    }

    @Test
    void takes_over_when_the_owner_answers_that_it_does_not_own_the_app() {
        repository.register(APP);
        a.election.ownerOf(APP);
        a.held.leave();

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("b");
        assertThat(seenByB.epoch()).isEqualTo(2);
        assertThat(b.held.epochOf(APP)).contains(2L);
        assertThat(repository.history(1).get(0).reason()).isEqualTo(OwnershipChangeReason.OWNER_DISOWNED);
    }

    @Test
    void takes_over_when_another_incarnation_answers_at_the_owners_url() {
        repository.register(APP);
        a.election.ownerOf(APP);
        // a was restarted: a fresh server id now answers at a's URL.
        Server reborn = server("a-reborn", "http://a", repository, hostClock);
        peers.connect("http://a", reborn.election);

        Ownership seenByB = b.election.ownerOf(APP).orElseThrow();

        assertThat(seenByB.ownerId()).isEqualTo("b");
        assertThat(seenByB.epoch()).isEqualTo(2);
        assertThat(repository.history(1).get(0)).satisfies(change -> {
            assertThat(change.oldOwnerId()).isEqualTo("a");
            assertThat(change.reason()).isEqualTo(OwnershipChangeReason.OWNER_DISOWNED);
        });
    }

    @Test
    void a_server_that_loses_the_take_over_race_answers_with_the_winner() {
        RacingRepository racing = new RacingRepository(databaseClock);
        Server first = server("a", racing, hostClock);
        Server loser = server("b", racing, hostClock);
        Server winner = server("c", racing, hostClock);
        racing.register(APP);
        first.election.ownerOf(APP);
        timePasses(LEASE);
        // c runs its whole election after b read the row and before b's compare-and-set.
        racing.beforeNextTakeOver(() -> winner.election.ownerOf(APP));

        Ownership seenByLoser = loser.election.ownerOf(APP).orElseThrow();

        assertThat(seenByLoser.ownerId()).isEqualTo("c");
        assertThat(seenByLoser.epoch()).isEqualTo(2);
        assertThat(loser.held.snapshot()).isEmpty();
        assertThat(winner.held.epochOf(APP)).contains(2L);
        assertThat(racing.history(10)).extracting(OwnershipChange::newOwnerId).containsExactly("c", "a");
    }

    @Test
    void renewing_keeps_an_app_past_its_first_lease() {
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(2000);
        a.election.renewLeases();
        timePasses(2000);
        peers.disconnect(a.identity.url());

        assertThat(b.election.ownerOf(APP).orElseThrow().ownerId()).isEqualTo("a");
        assertThat(a.held.epochOf(APP)).contains(1L);
        assertThat(a.lost).isEmpty();
    }

    @Test
    void renewing_drops_an_app_whose_epoch_moved_on_and_keeps_the_others() {
        repository.register("billing");
        repository.register("mailing");
        a.election.ownerOf("billing");
        a.election.ownerOf("mailing");
        timePasses(LEASE); // a was cut off from the database and missed its renewals
        b.election.ownerOf("billing");

        a.election.renewLeases();

        assertThat(a.held.snapshot()).containsExactly(Map.entry("mailing", 1L));
        assertThat(a.held.epochOf("mailing")).contains(1L);
        assertThat(a.lost).containsExactly("billing");
        assertThat(repository.find("mailing").orElseThrow().leaseValid()).isTrue();
        assertThat(repository.find("billing").orElseThrow().ownerId()).isEqualTo("b");
    }

    @Test
    void answers_ping_as_owner_for_a_held_app() {
        repository.register(APP);
        a.election.ownerOf(APP);

        assertThat(a.election.answerPing(APP)).isEqualTo(new Peers.PingAnswer("a", true, 1));
    }

    @Test
    void answers_ping_as_not_owner_once_leaving() {
        repository.register(APP);
        a.election.ownerOf(APP);
        a.held.leave();

        assertThat(a.election.answerPing(APP)).isEqualTo(new Peers.PingAnswer("a", false, 1));
    }

    @Test
    void answers_ping_from_the_database_when_the_app_is_not_held_and_renews_its_lease() {
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(LEASE - SAFETY + 100); // past local validity, lease still valid in the database
        assertThat(a.held.epochOf(APP)).isEmpty();

        Peers.PingAnswer answer = a.election.answerPing(APP);

        assertThat(answer).isEqualTo(new Peers.PingAnswer("a", true, 1));
        assertThat(a.held.epochOf(APP)).contains(1L);
        assertThat(repository.find(APP).orElseThrow().leaseUntil())
                .isEqualTo(databaseClock.instant().plusMillis(LEASE));
    }

    @Test
    void answers_ping_as_not_owner_for_an_app_another_server_owns() {
        repository.register(APP);
        a.election.ownerOf(APP);

        assertThat(b.election.answerPing(APP)).isEqualTo(new Peers.PingAnswer("b", false, 1));
        assertThat(b.held.snapshot()).isEmpty();
    }

    @Test
    void answers_ping_as_not_owner_once_its_own_lease_expired() {
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(LEASE);

        assertThat(a.election.answerPing(APP)).isEqualTo(new Peers.PingAnswer("a", false, 1));
    }

    @Test
    void answers_ping_for_an_unknown_app_as_not_owner_at_epoch_0() {
        assertThat(a.election.answerPing("unknown")).isEqualTo(new Peers.PingAnswer("a", false, 0));
    }

    @Test
    void accepts_a_handoff_at_the_epoch_the_leaving_server_held() {
        repository.register("billing");
        repository.register("mailing");
        a.election.ownerOf("billing");
        a.election.ownerOf("mailing");

        List<String> taken = b.election.acceptHandoff(handoffOf("a", a.held.leave()));

        assertThat(taken).containsExactly("billing", "mailing");
        assertThat(b.held.snapshot()).containsExactly(Map.entry("billing", 2L), Map.entry("mailing", 2L));
        assertThat(repository.find("billing").orElseThrow().ownerId()).isEqualTo("b");
        assertThat(repository.history(2))
                .extracting(OwnershipChange::reason)
                .containsOnly(OwnershipChangeReason.HANDOFF);
    }

    @Test
    void refuses_a_handoff_at_a_stale_epoch() {
        repository.register(APP);
        a.election.ownerOf(APP);
        timePasses(LEASE);
        Server c = server("c", repository, hostClock);
        c.election.ownerOf(APP); // c took the app at epoch 2 while a was cut off

        List<String> taken = b.election.acceptHandoff(new Handoff("a", List.of(new Handoff.HeldApp(APP, 1))));

        assertThat(taken).isEmpty();
        assertThat(b.held.snapshot()).isEmpty();
        assertThat(repository.find(APP).orElseThrow()).satisfies(o -> {
            assertThat(o.ownerId()).isEqualTo("c");
            assertThat(o.epoch()).isEqualTo(2);
        });
    }

    @Test
    void refuses_a_handoff_from_a_server_that_is_not_the_owner() {
        repository.register(APP);
        a.election.ownerOf(APP);

        List<String> taken = b.election.acceptHandoff(new Handoff("impostor", List.of(new Handoff.HeldApp(APP, 1))));

        assertThat(taken).isEmpty();
        assertThat(repository.find(APP).orElseThrow().ownerId()).isEqualTo("a");
    }

    @Test
    void a_leaving_server_takes_nothing_over() {
        repository.register("fresh");
        repository.register(APP);
        a.election.ownerOf(APP);
        b.held.leave();

        Ownership fresh = b.election.ownerOf("fresh").orElseThrow();
        List<String> handedOver = b.election.acceptHandoff(new Handoff("a", List.of(new Handoff.HeldApp(APP, 1))));
        b.election.adoptOrphans();

        assertThat(fresh.isUnclaimed()).isTrue();
        assertThat(handedOver).isEmpty();
        assertThat(b.held.snapshot()).isEmpty();
        assertThat(repository.history(10))
                .extracting(OwnershipChange::newOwnerId)
                .containsExactly("a");
    }

    @Test
    void adopts_apps_whose_lease_expired_and_leaves_valid_ones() {
        repository.register("expired");
        repository.register("renewed");
        a.election.ownerOf("expired");
        a.election.ownerOf("renewed");
        timePasses(2000);
        repository.renew("renewed", "a", 1, LEASE);
        timePasses(1000);
        repository.register("unclaimed");

        b.election.adoptOrphans();

        assertThat(b.held.snapshot()).containsExactly(Map.entry("expired", 2L), Map.entry("unclaimed", 1L));
        assertThat(repository.find("renewed").orElseThrow().ownerId()).isEqualTo("a");
        assertThat(repository.history(2))
                .extracting(OwnershipChange::appName, OwnershipChange::reason)
                .containsExactlyInAnyOrder(
                        tuple("expired", OwnershipChangeReason.LEASE_EXPIRED),
                        tuple("unclaimed", OwnershipChangeReason.FIRST_CLAIM));
    }

    private void timePasses(long millis) {
        hostClock.advanceMillis(millis);
        databaseClock.advanceMillis(millis);
    }

    private static Handoff handoffOf(String leavingServerId, List<Map.Entry<String, Long>> apps) {
        return new Handoff(
                leavingServerId,
                apps.stream()
                        .map(e -> new Handoff.HeldApp(e.getKey(), e.getValue()))
                        .toList());
    }

    private Server server(String id, OwnershipRepository repo, MutableClock clock) {
        return server(id, "http://" + id, repo, clock);
    }

    private Server server(String id, String url, OwnershipRepository repo, MutableClock clock) {
        ServerIdentity identity = new ServerIdentity(id, url);
        HeldApps held = new HeldApps(clock, SAFETY);
        List<String> lost = new ArrayList<>();
        held.onLost(lost::add);
        Election election = new Election(repo, peers, identity, held, clock, LEASE);
        peers.connect(url, election);
        return new Server(identity, held, election, lost);
    }

    private record Server(ServerIdentity identity, HeldApps held, Election election, List<String> lost) {}

    /** Lets a rival act between a server's read of the row and its compare-and-set. */
    private static final class RacingRepository extends InMemoryOwnershipRepository {

        private Runnable beforeNextTakeOver;

        RacingRepository(Clock databaseClock) {
            super(databaseClock);
        }

        void beforeNextTakeOver(Runnable rival) {
            this.beforeNextTakeOver = rival;
        }

        @Override
        public boolean takeOver(TakeOver takeOver) {
            Runnable rival = beforeNextTakeOver;
            beforeNextTakeOver = null;
            if (rival != null) {
                rival.run();
            }
            return super.takeOver(takeOver);
        }
    }
}
