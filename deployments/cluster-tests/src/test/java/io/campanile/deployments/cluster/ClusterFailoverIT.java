package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.OwnershipChangeView;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.deployments.cluster.Poll.Timed;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Guarantees 1, 2, 3 and 5 of the design brief on real processes: three scheduler servers and the demo app
 * (its worker runs the every-second job {@code every-second} with the {@code audit} processor) on one fresh
 * PostgreSQL database. One cluster serves all cases, which run in order and build on each other: a partition,
 * the owner's wall clock stepped back and forth (libfaketime), a frozen owner (SIGSTOP), an owner whose host vanishes (its HTTP and database connections go silent), a kill -9
 * of the owner, the books of every fire so far, a graceful stop of the next owner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String APP = CampanileCluster.DEMO_APP;
    private static final String JOB = "every-second";
    private static final Duration PARTITION = Duration.ofSeconds(12);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** How long a frozen owner stays frozen, and a vanished one away: well past its lease (3 s). */
    private static final Duration SILENCE = Duration.ofSeconds(10);
    /** How long the owner's wall clock stays at each step: longer than a lease (3 s) and several renewals. */
    private static final Duration CLOCK_STEP_HOLD = Duration.ofSeconds(6);

    private static final int STEADY_FIRES = 10;

    private CampanileCluster cluster;
    private long jobId;
    /** The first fire of the steady run after set-up: from here on, every second must run exactly once. */
    private Instant runStart;

    @RegisterExtension
    final TestWatcher logTailsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                cluster.printLogTails(80);
            }
        }
    };

    @BeforeAll
    void startClusterWithEverySecondJob() {
        cluster = CampanileCluster.start(ClusterSettings.fromSystemProperties(3));
        try {
            CampanileAdminClient admin = cluster.servers().get(0).admin();
            admin.createApp(APP, cluster.appSecret());
            jobId = admin.createJob(APP, JobDefinition.cron(JOB, "audit", "* * * * * *"))
                    .id();
            long start = System.nanoTime();
            runStart = Poll.until(
                            STEADY_FIRES + " consecutive fires SUCCEEDED",
                            start,
                            Duration.ofSeconds(120),
                            Duration.ofMillis(500),
                            () -> Fires.steadyRunStart(instances(30), STEADY_FIRES))
                    .value();
            System.out.println("SETUP steady after " + Poll.millisSince(start) + " ms, run starts at " + runStart
                    + ", owner " + Ownerships.of(clusterView(), APP));
            printLateness(instances(30).stream()
                    .filter(i -> !i.fireTime().isBefore(runStart))
                    .toList());
        } catch (RuntimeException | Error e) {
            cluster.printLogTails(80);
            throw e;
        }
    }

    @AfterAll
    void stopEverything() {
        if (cluster != null) {
            System.out.println(
                    "cluster logs and audit file: " + cluster.auditFile().getParent());
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void partition_does_not_flip_ownership() {
        ClusterView before = clusterView();
        OwnershipView owner = Ownerships.of(before, APP);
        SchedulerNode ownerNode = cluster.server(owner.ownerId());
        SchedulerNode peer = runningServersExcept(ownerNode).get(0);
        long lastChangeBefore = Ownerships.lastChangeId(before);

        // what a peer's view of the database shows while the owner is cut off from peers and workers
        Set<String> owners = new LinkedHashSet<>();
        int views = 0;
        int expiredLeases = 0;
        long cutAt = System.nanoTime();
        ownerNode.proxy().cut();
        try {
            while (Poll.millisSince(cutAt) < PARTITION.toMillis()) {
                OwnershipView now = Ownerships.of(peer.admin().cluster(), APP);
                owners.add(now.ownerId() + "@epoch" + now.epoch());
                views++;
                expiredLeases += now.leaseValid() ? 0 : 1;
                Poll.pause(Duration.ofMillis(500));
            }
            ownerNode.proxy().heal();
        } finally {
            ownerNode.proxy().heal(); // also when the loop failed
        }
        long healed = System.nanoTime();
        long cutForMillis = Poll.millisSince(cutAt);
        ClusterView after = peer.admin().cluster();
        List<OwnershipChangeView> changes = Ownerships.changesSince(after, APP, lastChangeBefore);
        System.out.println("PARTITION owner=" + owner.ownerId() + " epoch=" + owner.epoch() + " cut-for-ms="
                + cutForMillis + " owners-seen-by-peer=" + owners + " views=" + views + " expired-lease-views="
                + expiredLeases + " changes=" + changes);

        OwnershipView afterwards = Ownerships.of(after, APP);
        assertThat(afterwards.ownerId()).as("owner after the partition").isEqualTo(owner.ownerId());
        assertThat(afterwards.epoch()).as("epoch after the partition").isEqualTo(owner.epoch());
        assertThat(changes).as("ownership changes during the partition").isEmpty();
        assertThat(owners).as("owners seen during the partition").hasSize(1);

        Instant healedAt = after.databaseTime();
        Timed<InstanceView> resumed = Poll.until(
                "a fire after the heal SUCCEEDED",
                healed,
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> instances(20).stream()
                        .filter(instance -> instance.state() == InstanceState.SUCCEEDED)
                        .filter(instance -> instance.fireTime().isAfter(healedAt))
                        .min(Comparator.comparing(InstanceView::fireTime)));
        System.out.println("PARTITION fires-resumed-after-heal-ms=" + resumed.elapsedMillis()
                + " states-of-fires-since-cut=" + statesSince(before.databaseTime()));
    }

    @Test
    @Order(2)
    void stepping_the_owners_wall_clock_back_and_forth_changes_no_owner_and_delays_no_fire() {
        ClusterView before = clusterView();
        OwnershipView owner = Ownerships.of(before, APP);
        WallClock clock = cluster.wallClock(cluster.server(owner.ownerId()));
        long lastChangeBefore = Ownerships.lastChangeId(before);
        Set<String> owners = new LinkedHashSet<>();
        try {
            // back 30 s (what time synchronisation does to a fast clock), forwards 60 s, back 30 s to real time
            for (long offsetSeconds : new long[] {-30, 30, 0}) {
                clock.offsetSeconds(offsetSeconds);
                long steppedAt = System.nanoTime();
                while (Poll.millisSince(steppedAt) < CLOCK_STEP_HOLD.toMillis()) {
                    OwnershipView now = Ownerships.of(clusterView(), APP);
                    owners.add(now.ownerId() + "@epoch" + now.epoch());
                    Poll.pause(Duration.ofMillis(500));
                }
            }
        } finally {
            clock.offsetSeconds(0);
        }
        ClusterView after = clusterView();
        Instant until = after.databaseTime().minusSeconds(2);
        List<InstanceView> fires = instances(60).stream()
                .filter(i -> i.fireTime().isAfter(before.databaseTime()))
                .filter(i -> !i.fireTime().isAfter(until))
                .toList();
        List<Long> started = fires.stream()
                .filter(i -> i.startedAt() != null)
                .map(i -> Duration.between(i.fireTime(), i.startedAt()).toMillis())
                .sorted()
                .toList();
        List<OwnershipChangeView> changes = Ownerships.changesSince(after, APP, lastChangeBefore);
        System.out.println("CLOCK owner=" + owner.ownerId() + " steps=-30s,+60s,-30s hold-ms="
                + CLOCK_STEP_HOLD.toMillis() + " owners-seen=" + owners + " changes=" + changes.size() + " fires="
                + fires.size() + " claimed-after-fire-ms(min/median/max)=" + spread(started) + " states="
                + fires.stream()
                        .collect(Collectors.groupingBy(InstanceView::state, TreeMap::new, Collectors.counting())));

        assertThat(changes)
                .as("ownership changes while the owner's wall clock was stepped")
                .isEmpty();
        assertThat(owners)
                .as("owners seen while the owner's wall clock was stepped")
                .hasSize(1);
        long seconds = Duration.between(before.databaseTime(), until).toSeconds();
        assertThat(fires).as("one fire per second of the steps").hasSizeGreaterThanOrEqualTo((int) seconds);
        assertThat(fires).as("fires of the steps").allSatisfy(fire -> assertThat(fire.state())
                .isEqualTo(InstanceState.SUCCEEDED));
        assertThat(started).as("ms from fire time to the claim, each fire").allSatisfy(ms -> assertThat(ms)
                .isLessThan(2000));
    }

    @Test
    @Order(3)
    void frozen_owner_is_replaced_and_fires_resume_within_5_seconds() {
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        SchedulerNode victim = cluster.server(owner.ownerId());
        Instant frozenAtDb = clusterView().databaseTime();

        long frozenAt = System.nanoTime();
        victim.process().suspend();
        Replacement replacement;
        try {
            replacement = awaitReplacement(owner, frozenAt);
            Poll.pause(Duration.ofMillis(Math.max(0, SILENCE.toMillis() - Poll.millisSince(frozenAt))));
        } finally {
            victim.process().resume();
        }
        System.out.println("FROZEN " + replacement + " frozen-for-ms=" + Poll.millisSince(frozenAt));

        assertReplacedWithin5Seconds(replacement);
        assertWokenOwnerHoldsAndDispatchesNothing(victim, owner, frozenAtDb);
    }

    @Test
    @Order(4)
    void vanished_owner_is_replaced_and_fires_resume_within_5_seconds() {
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        SchedulerNode victim = cluster.server(owner.ownerId());
        Instant vanishedAtDb = clusterView().databaseTime();

        long vanishedAt = System.nanoTime();
        cluster.vanish(victim);
        Replacement replacement;
        try {
            replacement = awaitReplacement(owner, vanishedAt);
            Poll.pause(Duration.ofMillis(Math.max(0, SILENCE.toMillis() - Poll.millisSince(vanishedAt))));
        } finally {
            cluster.reappear(victim);
        }
        System.out.println("VANISHED " + replacement + " vanished-for-ms=" + Poll.millisSince(vanishedAt));

        assertReplacedWithin5Seconds(replacement);
        assertWokenOwnerHoldsAndDispatchesNothing(victim, owner, vanishedAtDb);
    }

    /** When another server owned the app, and when a fire under its epoch first SUCCEEDED. */
    private record Replacement(OwnershipView old, Timed<OwnershipView> owner, Timed<InstanceView> firstSuccess) {

        @Override
        public String toString() {
            return "owner-replaced-after-ms=" + owner.elapsedMillis() + " fires-resumed-after-ms="
                    + firstSuccess.elapsedMillis() + " old=" + old.ownerId() + "@epoch" + old.epoch() + " new="
                    + owner.value().ownerId() + "@epoch" + owner.value().epoch() + " first-fire="
                    + firstSuccess.value().fireTime() + " attempt="
                    + firstSuccess.value().attempt();
        }
    }

    private Replacement awaitReplacement(OwnershipView owner, long since) {
        Timed<OwnershipView> replaced = Poll.until(
                "another server owns " + APP,
                since,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Ownerships.replacing(clusterView(), owner));
        Timed<InstanceView> resumed = Poll.until(
                "a fire under epoch " + replaced.value().epoch() + " SUCCEEDED",
                since,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Fires.succeededUnder(replaced.value().epoch(), instances(20)));
        return new Replacement(owner, replaced, resumed);
    }

    private static void assertReplacedWithin5Seconds(Replacement replacement) {
        assertThat(replacement.owner().elapsedMillis())
                .as("ms until another server owned the app")
                .isLessThanOrEqualTo(5000);
        assertThat(replacement.firstSuccess().elapsedMillis())
                .as("ms until a fire of the new owner succeeded")
                .isLessThanOrEqualTo(5000);
    }

    /**
     * Once the old owner runs again it must own nothing, and neither create nor dispatch any fire after the
     * moment it fell silent (fencing); and no fire since then ran twice.
     */
    private void assertWokenOwnerHoldsAndDispatchesNothing(
            SchedulerNode woken, OwnershipView old, Instant silentSinceDb) {
        woken.process().awaitReady(woken.healthUri(), Duration.ofSeconds(30));
        Poll.pause(Duration.ofSeconds(4)); // more than a lease: time to renew, fail, and forget the app
        ClusterView view = clusterView();
        Instant settled = view.databaseTime().minusSeconds(3);

        assertThat(view.ownerships())
                .as("apps the woken server owns")
                .noneMatch(ownership -> ownership.ownerId().equals(woken.serverId()));
        Instant afterSilence = silentSinceDb.plusSeconds(1);
        List<InstanceView> recent = instances(100);
        assertThat(recent)
                .as("fires after the silence created or dispatched by the woken server")
                .filteredOn(instance -> instance.fireTime().isAfter(afterSilence))
                .noneMatch(instance -> woken.serverId().equals(instance.ownerId()));
        List<AuditLog.Run> runs = AuditLog.read(cluster.auditFile()).stream()
                .filter(run -> run.jobName().equals(JOB))
                .toList();
        assertThat(runs)
                .as("runs under the old epoch of fires after the silence")
                .filteredOn(run -> run.fireTime().isAfter(afterSilence))
                .noneMatch(run -> run.epoch().equals(Long.toString(old.epoch())));
        FireLedger ledger =
                new FireLedger(silentSinceDb.minusSeconds(5), settled, settled.minusSeconds(1), recent, runs);
        assertThat(ledger.duplicates())
                .as("fires that ran twice around the silence")
                .isEmpty();
    }

    @Test
    @Order(5)
    void killed_owner_is_replaced_within_5_seconds() {
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        SchedulerNode victim = cluster.server(owner.ownerId());

        long killedAt = System.nanoTime();
        victim.process().kill9();
        Timed<OwnershipView> replaced = Poll.until(
                "another server owns " + APP,
                killedAt,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Ownerships.replacing(clusterView(), owner));
        Timed<InstanceView> resumed = Poll.until(
                "a fire under epoch " + replaced.value().epoch() + " SUCCEEDED",
                killedAt,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Fires.succeededUnder(replaced.value().epoch(), instances(20)));
        System.out.println("FAILOVER owner-replaced-after-ms=" + replaced.elapsedMillis()
                + " fires-resumed-after-ms=" + resumed.elapsedMillis() + " old=" + owner.ownerId() + "@epoch"
                + owner.epoch() + " new=" + replaced.value().ownerId() + "@epoch"
                + replaced.value().epoch()
                + " reason=" + Ownerships.reasonOf(clusterView(), replaced.value()));

        assertThat(replaced.elapsedMillis())
                .as("ms until another server owned the app")
                .isLessThanOrEqualTo(5000);
        assertThat(resumed.elapsedMillis())
                .as("ms until a fire of the new owner succeeded")
                .isLessThanOrEqualTo(5000);
    }

    @Test
    @Order(6)
    void no_fire_ran_twice_and_none_was_lost() {
        ClusterView now = clusterView();
        Instant end = now.databaseTime().minusSeconds(3);
        List<InstanceView> all = instances(1000);
        assertThat(all.get(all.size() - 1).fireTime())
                .as("oldest listed instance (limit 1000 must cover the run)")
                .isBeforeOrEqualTo(runStart);
        List<AuditLog.Run> runs = AuditLog.read(cluster.auditFile()).stream()
                .filter(run -> run.jobName().equals(JOB))
                .toList();

        FireLedger ledger = new FireLedger(runStart, end, now.databaseTime().minusSeconds(10), all, runs);
        System.out.println(ledger.summary() + " window=" + runStart + ".." + end);
        System.out.println("FIRES retries=" + ledger.retries() + " duplicates=" + ledger.duplicates() + " missing="
                + ledger.missing() + " unfinished=" + ledger.unfinished());

        assertThat(ledger.duplicates())
                .as("fire times that ran twice or have two instances")
                .isEmpty();
        assertThat(ledger.missing()).as("fire times never created or never run").isEmpty();
        // A retry (attempt > 1) is allowed (none happens today: a hand-out that was never claimed is handed out
        // again as the same attempt); what must not happen is a fire running twice.
        assertThat(ledger.unfinished()).as("instances that did not succeed").isEmpty();
    }

    @Test
    @Order(7)
    void graceful_stop_hands_apps_over_within_1_second() {
        OwnershipView owner = Ownerships.of(clusterView(), APP);
        SchedulerNode leaving = cluster.server(owner.ownerId());
        SchedulerNode remaining = runningServersExcept(leaving).get(0);

        long stoppedAt = System.nanoTime();
        leaving.process().terminate();
        try {
            Timed<OwnershipView> replaced = Poll.until(
                    "another server owns " + APP,
                    stoppedAt,
                    GIVE_UP,
                    Duration.ofMillis(50),
                    () -> Ownerships.replacing(remaining.admin().cluster(), owner));
            Timed<InstanceView> resumed = Poll.until(
                    "a fire under epoch " + replaced.value().epoch() + " SUCCEEDED",
                    stoppedAt,
                    GIVE_UP,
                    Duration.ofMillis(100),
                    () -> Fires.succeededUnder(
                            replaced.value().epoch(), remaining.admin().listInstances(APP, jobId, 20)));
            OwnershipChangeReason reason = Ownerships.reasonOf(remaining.admin().cluster(), replaced.value());
            System.out.println("HANDOFF owner-replaced-after-ms=" + replaced.elapsedMillis()
                    + " fires-resumed-after-ms=" + resumed.elapsedMillis() + " old=" + owner.ownerId() + "@epoch"
                    + owner.epoch() + " new=" + replaced.value().ownerId() + "@epoch"
                    + replaced.value().epoch()
                    + " reason=" + reason);

            assertThat(replaced.elapsedMillis())
                    .as("ms until the leaving server's app had a new owner")
                    .isLessThanOrEqualTo(1000);
            assertThat(reason).as("reason of the ownership change").isEqualTo(OwnershipChangeReason.HANDOFF);
        } finally {
            if (!leaving.process().awaitExit(Duration.ofSeconds(30))) {
                leaving.process().kill9();
            }
        }
    }

    /** When the steady fires were claimed against their fire time (one-server clocks): negative for work handed out ahead, claimed before it is due. */
    private static void printLateness(List<InstanceView> steady) {
        List<Long> started = steady.stream()
                .filter(i -> i.startedAt() != null)
                .map(i -> Duration.between(i.fireTime(), i.startedAt()).toMillis())
                .sorted()
                .toList();
        System.out.println(
                "LATENESS fires=" + steady.size() + " claimed-after-fire-ms(min/median/max)=" + spread(started));
    }

    private static String spread(List<Long> sorted) {
        return sorted.isEmpty()
                ? "-"
                : sorted.get(0) + "/" + sorted.get(sorted.size() / 2) + "/" + sorted.get(sorted.size() - 1);
    }

    private Map<InstanceState, Long> statesSince(Instant since) {
        return instances(100).stream()
                .filter(instance -> !instance.fireTime().isBefore(since))
                .collect(Collectors.groupingBy(InstanceView::state, TreeMap::new, Collectors.counting()));
    }

    private List<SchedulerNode> runningServersExcept(SchedulerNode excluded) {
        return cluster.runningServers().stream()
                .filter(server -> server != excluded)
                .toList();
    }

    private ClusterView clusterView() {
        return onAnyRunningServer(CampanileAdminClient::cluster);
    }

    private List<InstanceView> instances(int limit) {
        return onAnyRunningServer(admin -> admin.listInstances(APP, jobId, limit));
    }

    /**
     * Asks the servers that can answer (running, neither frozen nor vanished) in turn, directly, not through
     * their proxies, until one answers.
     */
    private <T> T onAnyRunningServer(Function<CampanileAdminClient, T> call) {
        return FirstAnswer.of(
                cluster.answeringServers().stream().map(SchedulerNode::admin).toList(), call);
    }
}
