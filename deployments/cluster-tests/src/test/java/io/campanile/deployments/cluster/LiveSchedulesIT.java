package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.campanile.api.InstanceState;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.OwnershipView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.client.CampanileClientException;
import io.campanile.deployments.cluster.FireWatch.Change;
import io.campanile.deployments.cluster.Poll.Timed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Schedule types and live job changes on real processes: two scheduler servers and the demo app (its worker runs
 * every job with the {@code audit} processor) on one fresh PostgreSQL database. Jobs are paused, resumed, edited
 * and deleted through the admin API of the server that does not own the app, and the owner's firing must follow
 * within about a second. The last case kills the owner (kill -9) while a FIXED_RATE and a CRON job fire, and
 * accounts for every fire time of both since their first ({@link LatticeJobs}, {@link LatticeBooks}). Before it, jobs
 * every second whose runs hold longer than that check each overlap policy ({@link OverlapJobs}, {@link OverlapBooks}).
 * One cluster serves all
 * cases; each change case has a job of its own, and the kill comes last.
 *
 * <p>Look-ahead: the owner may create an instance up to about 1 s before its fire time, so a change can leave fires,
 * created before it, whose times fall within the second after it. Where a job must stop firing, the assertions allow
 * fires up to {@link #LOOK_AHEAD_TOLERANCE} after the change answered, and none later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSchedulesIT {

    private static final String APP = CampanileCluster.DEMO_APP;
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** The look-ahead (about 1 s) and the gap between the servers' and the test's readings of the database clock. */
    private static final Duration LOOK_AHEAD_TOLERANCE = Duration.ofMillis(1500);
    /** The owner looks at the app's jobs at least once a second, whichever server changed them. */
    private static final Duration OWNER_LOOK_TOLERANCE = Duration.ofMillis(1500);
    /** How long a stopped job is watched for fires that must not come: past the tolerance and several looks. */
    private static final Duration WATCH = Duration.ofSeconds(4);
    /** The FIXED_DELAY job's delay between the end of one fire and the next. */
    private static final Duration DELAY = Duration.ofMillis(700);
    /** A fire time older than this when its owner comes to it is missed (campanile.misfire.threshold-millis). */
    private static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(1);
    /** Ten fires, held 1.5 s one after another under BUFFER_ALL, plus a second's release each: about 25 s. */
    private static final Duration OVERLAP_SETTLE = Duration.ofSeconds(60);
    /** How long the books run on after the new owner took over. */
    private static final Duration AFTER_TAKEOVER = Duration.ofSeconds(5);

    private CampanileCluster cluster;
    private FireWatch watch;
    private LatticeJobs latticeJobs;
    private JobView fixedDelay;

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
    void startClusterWithFixedRateAndCronJobs() {
        cluster = CampanileCluster.start(ClusterSettings.fromSystemProperties(2).withLogSubfolder("schedules"));
        try {
            watch = new FireWatch(cluster, APP);
            CampanileAdminClient admin = cluster.servers().get(0).admin();
            admin.createApp(APP, cluster.appSecret());
            latticeJobs = LatticeJobs.start(cluster, watch, admin, APP);
            fixedDelay = admin.createJob(
                    APP,
                    JobDefinition.of("after-each", "audit", ScheduleType.FIXED_DELAY)
                            .withInterval(DELAY));
            System.out.println("SCHEDULES set up, owner " + watch.ownership());
        } catch (RuntimeException | Error e) {
            cluster.printLogTails(80);
            throw e;
        }
    }

    @AfterAll
    void stopEverything() {
        if (cluster != null) {
            System.out.println("schedule cluster logs and audit file: "
                    + cluster.auditFile().getParent());
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void pausing_on_a_peer_stops_the_owners_fires_within_a_second_and_resuming_starts_them_again() {
        OwnershipView owner = watch.ownership();
        CampanileAdminClient peer = peerOf(owner);
        // SKIP: the fire times of the pause are missed fire times on resume, recorded skipped rather than run late
        JobView job = createFiringEverySecond(peer, "paused", MisfirePolicy.SKIP);

        Change<JobView> pause = watch.change(() -> peer.pauseJob(APP, job.name(), "maintenance until the resume"));
        assertThat(pause.answer().enabled()).as("enabled after the pause").isFalse();
        assertThat(pause.answer().pausedNote()).as("note of the pause").isEqualTo("maintenance until the resume");
        Instant lastAllowed = pause.after().plus(LOOK_AHEAD_TOLERANCE);
        watch.awaitDatabaseTime(lastAllowed.plus(WATCH), GIVE_UP);
        Change<JobView> resume = watch.change(() -> peer.resumeJob(APP, job.name()));
        List<InstanceView> resumed = watch.awaitSucceeded(job.id(), resume.before(), 3, GIVE_UP);
        List<InstanceView> sincePause = watch.firesAfter(job.id(), lastAllowed);
        System.out.println("SCHEDULES pause answered at " + pause.after() + ", resume at " + resume.after()
                + ", fires since " + lastAllowed + ": " + fireTimes(sincePause));

        Instant missedBefore = resume.before().minus(MISFIRE_THRESHOLD);
        assertThat(sincePause)
                .filteredOn(fire -> fire.fireTime().isBefore(missedBefore))
                .as(
                        "fire times of the pause, later than %s after it answered: recorded skipped on resume, none ran",
                        LOOK_AHEAD_TOLERANCE)
                .isNotEmpty()
                .allSatisfy(fire -> {
                    assertThat(fire.state()).isEqualTo(InstanceState.SKIPPED);
                    assertThat(fire.result()).contains("misfire policy SKIP");
                });
        assertThat(resume.answer().pausedNote()).as("note after the resume").isNull();
        InstanceView first = resumed.get(0);
        assertThat(first.fireTime())
                .as("first fire after the resume: the next whole second")
                .isBeforeOrEqualTo(resume.after().plus(SECOND));
        assertCreatedSoonAfterDue(first, resume.after());
        assertThat(Fires.gaps(resumed))
                .as("spacing of the fires after the resume")
                .containsOnly(SECOND);
        assertOwnerUnchanged(owner);
        peer.deleteJob(APP, job.name(), null);
    }

    @Test
    @Order(2)
    void an_interval_edited_on_a_peer_spaces_the_owners_next_fires_by_the_new_interval() {
        OwnershipView owner = watch.ownership();
        CampanileAdminClient peer = peerOf(owner);
        JobView job = createFiringEverySecond(peer, "edited");
        Duration interval = Duration.ofSeconds(3);

        Change<JobView> edit = watch.change(() -> peer.updateJob(
                APP, job.name(), JobDefinition.fixedRate(job.name(), "audit", interval), job.revision()));
        Instant settled = edit.after().plus(LOOK_AHEAD_TOLERANCE);
        List<InstanceView> next = watch.awaitSucceeded(job.id(), settled, 3, GIVE_UP);
        List<InstanceView> before = watch.fires(job.id()).stream()
                .filter(fire -> !fire.fireTime().isAfter(edit.before()))
                .toList();
        System.out.println("SCHEDULES edit to " + interval + " answered at " + edit.after() + ", fires after " + settled
                + ": " + fireTimes(next));

        assertThat(edit.answer().interval()).as("interval after the edit").isEqualTo(interval.toString());
        assertThat(edit.answer().revision()).as("revision after the edit").isEqualTo(job.revision() + 1);
        assertThat(next.get(0).fireTime())
                .as("first fire of the new interval")
                .isBeforeOrEqualTo(settled.plus(interval));
        List<InstanceView> afterEdit = watch.firesAfter(job.id(), settled);
        assertThat(afterEdit)
                .as("the fires after the edit, each on the new lattice (whole multiples of 3 s)")
                .allMatch(fire -> fire.fireTime().getEpochSecond() % interval.toSeconds() == 0
                        && fire.fireTime().getNano() == 0);
        assertThat(Fires.gaps(afterEdit))
                .as("spacing of the fires after the edit")
                .containsOnly(interval);
        assertCreatedSoonAfterDue(next.get(0), edit.after());
        assertThat(before)
                .as("fires before the edit keep their time and run")
                .allMatch(fire -> fire.state() == InstanceState.SUCCEEDED);
        assertOwnerUnchanged(owner);
        peer.deleteJob(APP, job.name(), null);
    }

    @Test
    @Order(3)
    void a_change_with_a_stale_if_match_is_refused_with_409_and_leaves_the_job_as_it_was() {
        OwnershipView owner = watch.ownership();
        CampanileAdminClient peer = peerOf(owner);
        JobView job = createFiringEverySecond(peer, "stale");
        JobView read = peer.getJob(APP, job.name());
        Duration interval = Duration.ofSeconds(2);

        Change<JobView> edit = watch.change(() -> peer.updateJob(
                APP, job.name(), JobDefinition.fixedRate(job.name(), "audit", interval), read.revision()));
        CampanileClientException staleUpdate = catchThrowableOfType(
                () -> peer.updateJob(
                        APP, job.name(), JobDefinition.fixedRate(job.name(), "audit", SECOND), read.revision()),
                CampanileClientException.class);
        CampanileClientException staleDelete = catchThrowableOfType(
                () -> peer.deleteJob(APP, job.name(), read.revision()), CampanileClientException.class);
        JobView after = cluster.server(owner.ownerId()).admin().getJob(APP, Long.toString(job.id()));
        List<InstanceView> next = watch.awaitSucceeded(job.id(), edit.after().plus(LOOK_AHEAD_TOLERANCE), 3, GIVE_UP);

        assertThat(read.revision())
                .as("revision after fires (a fire does not move it)")
                .isEqualTo(job.revision());
        assertThat(staleUpdate).as("update with a stale If-Match").isNotNull();
        assertThat(staleUpdate.status()).as("status of the stale update").isEqualTo(409);
        assertThat(staleDelete).as("delete with a stale If-Match").isNotNull();
        assertThat(staleDelete.status()).as("status of the stale delete").isEqualTo(409);
        assertThat(after.revision())
                .as("revision after the refusals")
                .isEqualTo(edit.answer().revision());
        assertThat(after.interval()).as("interval after the refusals").isEqualTo(interval.toString());
        assertThat(after.deletedAt()).as("deleted after the refusals").isNull();
        assertThat(Fires.gaps(next))
                .as("spacing of the fires after the refusals")
                .containsOnly(interval);
        assertOwnerUnchanged(owner);
        peer.deleteJob(APP, job.name(), after.revision());
    }

    @Test
    @Order(4)
    void a_job_deleted_on_a_peer_stops_firing_on_the_owner_and_stays_readable_by_id() {
        OwnershipView owner = watch.ownership();
        CampanileAdminClient peer = peerOf(owner);
        JobView job = createFiringEverySecond(peer, "deleted");

        Change<JobView> delete = watch.change(() -> peer.deleteJob(APP, job.name(), job.revision()));
        Instant lastAllowed = delete.after().plus(LOOK_AHEAD_TOLERANCE);
        watch.awaitDatabaseTime(lastAllowed.plus(WATCH), GIVE_UP);
        List<InstanceView> late = watch.firesAfter(job.id(), lastAllowed);
        List<InstanceView> all = watch.awaitSucceeded(
                job.id(), Instant.EPOCH, watch.fires(job.id()).size(), GIVE_UP);
        JobView byId = cluster.server(owner.ownerId()).admin().getJob(APP, Long.toString(job.id()));
        CampanileClientException byName =
                catchThrowableOfType(() -> peer.getJob(APP, job.name()), CampanileClientException.class);
        JobView again = peer.createJob(APP, JobDefinition.onDemand(job.name(), "audit"));
        System.out.println("SCHEDULES delete answered at " + delete.after() + ", fires " + all.size() + ", last "
                + all.get(all.size() - 1).fireTime());

        assertThat(delete.answer().deletedAt()).as("deletedAt in the answer").isNotNull();
        assertThat(late)
                .as("fires later than %s after the delete answered", LOOK_AHEAD_TOLERANCE)
                .isEmpty();
        assertThat(byId.deletedAt())
                .as("deletedAt read by id from the owner")
                .isEqualTo(delete.answer().deletedAt());
        assertThat(byId.nextFireTime()).as("next fire time of the deleted job").isNull();
        assertThat(byName).as("the deleted job read by its name").isNotNull();
        assertThat(byName.status())
                .as("status of the deleted job read by its name")
                .isEqualTo(404);
        assertThat(again.id()).as("a new job under the freed name").isNotEqualTo(job.id());
        assertOwnerUnchanged(owner);
    }

    @Test
    @Order(5)
    void overlapping_fires_are_skipped_buffered_or_cancel_the_running_one_as_their_policy_says() {
        OwnershipView owner = watch.ownership();
        OverlapJobs overlap = OverlapJobs.start(cluster, peerOf(owner), APP, watch.databaseTime());
        List<OverlapBooks> books = overlap.booksOnceSettled(OVERLAP_SETTLE);
        for (int i = 0; i < books.size(); i++) {
            OverlapJobs.Tracked tracked = overlap.jobs().get(i);
            System.out.println(books.get(i).summary(tracked.job().name()) + " hold-ms="
                    + tracked.hold().toMillis() + " from=" + overlap.start());
            books.get(i).problems().forEach(problem -> System.out.println("OVERLAP-PROBLEM " + problem));
        }

        for (int i = 0; i < books.size(); i++) {
            assertThat(books.get(i).problems())
                    .as("books of " + overlap.jobs().get(i).job().name())
                    .isEmpty();
        }
        assertOwnerUnchanged(owner);
    }

    @Test
    @Order(6)
    void killing_the_owner_while_fixed_rate_fixed_delay_and_cron_jobs_fire_loses_and_doubles_no_fire_time() {
        OwnershipView owner = watch.ownership();
        Instant killedAtDb = watch.databaseTime();
        long killedAt = System.nanoTime();
        cluster.server(owner.ownerId()).process().kill9();
        Timed<OwnershipView> replaced = Poll.until(
                "another server owns " + APP,
                killedAt,
                GIVE_UP,
                Duration.ofMillis(100),
                () -> Ownerships.replacing(watch.clusterView(), owner));
        Instant takenOver = watch.databaseTime();
        long epoch = replaced.value().epoch();
        for (LatticeJobs.Tracked tracked : latticeJobs.jobs()) {
            Poll.until(
                    tracked.job().name() + " SUCCEEDED under epoch " + epoch,
                    killedAt,
                    GIVE_UP,
                    Duration.ofMillis(100),
                    () -> Fires.succeededUnder(epoch, watch.fires(tracked.job().id())));
        }
        // the books end a little before the time they are read: the owner creates a fire within about a second of
        // its time, so the newest lattice time may not have its instance yet
        Instant to =
                watch.awaitDatabaseTime(takenOver.plus(AFTER_TAKEOVER), GIVE_UP).minus(OWNER_LOOK_TOLERANCE);
        List<LatticeBooks> books = latticeJobs.booksOnceSettled(to, GIVE_UP);
        System.out.println("SCHEDULES-FAILOVER owner-replaced-after-ms=" + replaced.elapsedMillis() + " old="
                + owner.ownerId() + "@epoch" + owner.epoch() + " new="
                + replaced.value().ownerId() + "@epoch"
                + epoch + " killed-at=" + killedAtDb + " taken-over-by=" + takenOver + " books-end=" + to);
        books.forEach(book -> System.out.println(book.summary()));

        for (LatticeBooks book : books) {
            assertThat(book.duplicates()).as("fire times with two instances").isEmpty();
            assertThat(book.extraRuns()).as("instances that ran twice").isEmpty();
            assertThat(book.missing()).as("lattice times without an instance").isEmpty();
            assertThat(book.unaccounted())
                    .as("instances neither run nor SKIPPED with a reason")
                    .isEmpty();
            assertThat(book.offLattice()).as("instances off the lattice").isEmpty();
        }
        assertBooksSpanTheKill(killedAtDb, owner.epoch(), epoch, to);
        // the chain's books end two seconds earlier still: its newest fire may be running when they are read
        List<InstanceView> delayed = watch.fires(fixedDelay.id());
        Instant chainEnd = to.minusSeconds(2);
        System.out.println("SCHEDULES-FAILOVER fixed delay: " + delayed.size() + " fires, problems "
                + FixedDelayChain.problems(delayed, DELAY, chainEnd));
        assertThat(FixedDelayChain.problems(delayed, DELAY, chainEnd))
                .as("the FIXED_DELAY job's chain of fires across the kill")
                .isEmpty();
        assertThat(delayed)
                .as("fires of the FIXED_DELAY job by the killed owner before the kill, and by the new one after it")
                .anyMatch(
                        fire -> fire.epoch() == owner.epoch() && fire.fireTime().isBefore(killedAtDb))
                .anyMatch(fire -> fire.epoch() >= epoch && fire.fireTime().isAfter(killedAtDb));
    }

    /**
     * The books hold what they must to prove anything: the FIXED_RATE job's first fire at its anchor, and for each
     * job fires of the killed owner before the kill and fires of the new one after it.
     */
    private void assertBooksSpanTheKill(Instant killedAt, long oldEpoch, long newEpoch, Instant to) {
        List<List<InstanceRow>> rows = latticeJobs.rows();
        LatticeJobs.Tracked rate = latticeJobs.jobs().get(0);
        assertThat(rows.get(0).get(0).fireTime())
                .as("first fire of " + rate.job().name())
                .isEqualTo(rate.lattice().anchor());
        for (List<InstanceRow> jobRows : rows) {
            assertThat(jobRows)
                    .as("fires of the killed owner before the kill")
                    .anyMatch(row -> row.epoch() == oldEpoch && row.fireTime().isBefore(killedAt));
            assertThat(jobRows)
                    .as("fires of the new owner after the kill, before the end of the books")
                    .anyMatch(row -> row.epoch() >= newEpoch
                            && row.fireTime().isAfter(killedAt)
                            && row.fireTime().isBefore(to));
        }
    }

    /** A FIXED_RATE job every second (on the whole seconds), once it has run twice. */
    private JobView createFiringEverySecond(CampanileAdminClient admin, String name) {
        return createFiringEverySecond(admin, name, MisfirePolicy.FIRE_ALL);
    }

    private JobView createFiringEverySecond(CampanileAdminClient admin, String name, MisfirePolicy misfire) {
        JobView job = admin.createJob(
                APP, JobDefinition.fixedRate(name, "audit", SECOND).withMisfire(misfire, null));
        watch.awaitSucceeded(job.id(), Instant.EPOCH, 2, GIVE_UP);
        return job;
    }

    /**
     * The owner created the fire within about a second of its being due: of its fire time, or of the change that
     * made it due, whichever came later.
     */
    private static void assertCreatedSoonAfterDue(InstanceView fire, Instant changed) {
        Instant due = fire.fireTime().isAfter(changed) ? fire.fireTime() : changed;
        System.out.println("SCHEDULES first fire after the change, at " + fire.fireTime() + ", created "
                + Duration.between(due, fire.createdAt()).toMillis() + " ms after it was due");
        assertThat(fire.createdAt())
                .as("creation of the fire at %s after the change at %s", fire.fireTime(), changed)
                .isBeforeOrEqualTo(due.plus(OWNER_LOOK_TOLERANCE));
    }

    /** The change was made on a server that did not own the app, and that is still so. */
    private void assertOwnerUnchanged(OwnershipView owner) {
        OwnershipView now = watch.ownership();
        assertThat(now.ownerId() + "@epoch" + now.epoch())
                .as("owner of " + APP + " after the case")
                .isEqualTo(owner.ownerId() + "@epoch" + owner.epoch());
    }

    /** The admin API of a running server that does not own the app. */
    private CampanileAdminClient peerOf(OwnershipView owner) {
        return cluster.runningServers().stream()
                .filter(server -> !server.serverId().equals(owner.ownerId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running server besides the owner " + owner.ownerId()))
                .admin();
    }

    private static List<Instant> fireTimes(List<InstanceView> fires) {
        return fires.stream().map(InstanceView::fireTime).toList();
    }
}
