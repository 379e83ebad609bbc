package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.InstanceState;
import io.campanile.api.ScheduleType;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.Attempt;
import io.campanile.scheduler.domain.instance.FirePosition;
import io.campanile.scheduler.domain.instance.InstanceFilter;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobFilter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin listings' keyset paging against each database (H2 in {@code H2ListingContractTest}, PostgreSQL in
 * {@code PostgresListingContractIT}): walking the pages of any filter, in either order, yields exactly the instances
 * that match, each once, also where a page ends inside a run of equal fire times.
 */
abstract class ListingContract {

    private static final ServerIdentity A = new ServerIdentity("server-a", "http://127.0.0.1:1/a");
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static TestDatabase db;
    private String app;
    private Job nightly;
    private Job hourly;
    private List<JobInstance> all;

    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    /**
     * 17 instances of two jobs: five share the fire time T, four share T+1s, the rest one each; three run on w1, two
     * on w2, two are skipped, the rest wait.
     */
    @BeforeEach
    void anAppWithInstances() {
        app = "list-" + System.nanoTime();
        db.addOwnedApp(app, A);
        nightly = job("nightly");
        hourly = job("hourly");
        List<JobInstance> added = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            Instant fire = i < 5 ? T : i < 9 ? T.plusSeconds(1) : T.plusSeconds(i);
            Job job = i % 3 == 0 ? hourly : nightly;
            JobInstance instance = i == 10 || i == 11
                    ? JobInstance.missed(job, fire, "missed", 1, A.id(), T)
                    : JobInstance.requested(job, "r" + i, fire, null, 1, A.id(), T);
            db.run(em -> instances(em).add(instance));
            added.add(instance);
        }
        claim("w1", added.get(0), added.get(3), added.get(12));
        claim("w2", added.get(4), added.get(13));
        all = db.tx(em -> added.stream()
                .map(i -> instances(em).find(i.id()).orElseThrow())
                .toList());
    }

    @Test
    void pages_of_every_instance_neither_skip_nor_repeat_where_a_page_ends_among_equal_fire_times() {
        for (int limit : List.of(1, 2, 3, 4, 5, 17, 100)) {
            assertThat(walk(InstanceFilter.all(app), true, limit))
                    .as("newest first, %d a page", limit)
                    .containsExactlyElementsOf(expected(i -> true, true));
            assertThat(walk(InstanceFilter.all(app), false, limit))
                    .as("oldest first, %d a page", limit)
                    .containsExactlyElementsOf(expected(i -> true, false));
        }
        assertThat(count(InstanceFilter.all(app))).isEqualTo(17);
    }

    @Test
    void each_filter_and_their_combination_pages_through_exactly_what_matches() {
        Instant from = T.plusSeconds(1);
        Instant to = T.plusSeconds(13);
        List<Case> cases = List.of(
                new Case(filter(nightly.id(), Set.of(), null, null, null), i -> i.jobId() == nightly.id()),
                new Case(
                        filter(null, Set.of(InstanceState.RUNNING), null, null, null),
                        i -> i.state() == InstanceState.RUNNING),
                new Case(
                        filter(null, Set.of(InstanceState.SKIPPED, InstanceState.WAITING), null, null, null),
                        i -> i.state() == InstanceState.SKIPPED || i.state() == InstanceState.WAITING),
                new Case(filter(null, Set.of(), from, null, null), i -> !i.fireTime()
                        .isBefore(from)),
                new Case(filter(null, Set.of(), null, to, null), i -> i.fireTime()
                        .isBefore(to)),
                new Case(filter(null, Set.of(), null, null, "w1"), i -> "w1".equals(i.workerId())),
                new Case(
                        filter(hourly.id(), Set.of(InstanceState.RUNNING), from, to, "w1"),
                        i -> i.jobId() == hourly.id()
                                && i.state() == InstanceState.RUNNING
                                && !i.fireTime().isBefore(from)
                                && i.fireTime().isBefore(to)
                                && "w1".equals(i.workerId())));
        for (Case c : cases) {
            for (boolean newestFirst : List.of(true, false)) {
                List<Long> expected = expected(c.matches(), newestFirst);
                assertThat(expected)
                        .as("the case %s matches something", c.filter())
                        .isNotEmpty();
                assertThat(walk(c.filter(), newestFirst, 2))
                        .as("%s", c.filter())
                        .containsExactlyElementsOf(expected);
                assertThat(count(c.filter())).as("%s", c.filter()).isEqualTo(expected.size());
            }
        }
        assertThat(count(filter(null, Set.of(), null, null, "nobody"))).isZero();
        assertThat(count(InstanceFilter.all("another-app"))).isZero();
    }

    @Test
    void jobs_page_by_name_with_a_prefix_and_enabled_filter() {
        job("report_1");
        job("report_2");
        job("reportX");
        Job paused = job("report_3");
        paused.pause("test", T);
        db.run(em -> em.merge(paused));
        Job deleted = job("report_4");
        deleted.delete(T);
        db.run(em -> em.merge(deleted));

        // in the database's collation (PostgreSQL's may ignore '_'): each live job once
        assertThat(walkJobs(new JobFilter(app, null, null), 2))
                .containsExactlyInAnyOrder("hourly", "nightly", "reportX", "report_1", "report_2", "report_3");
        assertThat(walkJobs(new JobFilter(app, "report_", null), 1))
                .containsExactly("report_1", "report_2", "report_3");
        assertThat(walkJobs(new JobFilter(app, "report_", true), 1)).containsExactly("report_1", "report_2");
        assertThat(walkJobs(new JobFilter(app, null, false), 5)).containsExactly("report_3");
        assertThat(db.<Long>tx(em -> new JpaJobPages(em).count(new JobFilter(app, "report", null))))
                .isEqualTo(4);
    }

    private record Case(InstanceFilter filter, Predicate<JobInstance> matches) {}

    private InstanceFilter filter(Long jobId, Set<InstanceState> states, Instant from, Instant to, String worker) {
        return new InstanceFilter(app, jobId, states, from, to, worker);
    }

    /** The ids of the instances the pages give, page after page, each page starting after the last one's end. */
    private List<Long> walk(InstanceFilter filter, boolean newestFirst, int limit) {
        List<Long> seen = new ArrayList<>();
        FirePosition after = null;
        for (int page = 0; page < 100; page++) {
            FirePosition from = after;
            List<JobInstance> items = db.tx(em -> new JpaInstancePages(em).page(filter, newestFirst, from, limit));
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.forEach(i -> seen.add(i.id()));
            if (items.size() < limit) {
                return seen;
            }
            after = FirePosition.of(items.get(items.size() - 1));
        }
        throw new AssertionError("more than 100 pages");
    }

    private List<String> walkJobs(JobFilter filter, int limit) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            String from = after;
            List<Job> items = db.tx(em -> new JpaJobPages(em).page(filter, from, limit));
            items.forEach(j -> seen.add(j.name()));
            if (items.size() < limit) {
                return seen;
            }
            after = items.get(items.size() - 1).name();
        }
        throw new AssertionError("more than 100 pages");
    }

    private List<Long> expected(Predicate<JobInstance> matches, boolean newestFirst) {
        Comparator<JobInstance> order =
                Comparator.comparing(JobInstance::fireTime).thenComparing(JobInstance::id);
        return all.stream()
                .filter(matches)
                .sorted(newestFirst ? order.reversed() : order)
                .map(JobInstance::id)
                .toList();
    }

    private long count(InstanceFilter filter) {
        return db.<Long>tx(em -> new JpaInstancePages(em).count(filter));
    }

    private Job job(String name) {
        Job job = new Job(app, name, "p", ScheduleType.API, null, "UTC", null, true, T);
        db.run(em -> new JpaJobRepository(em).add(job));
        return job;
    }

    private void claim(String worker, JobInstance... claimed) {
        List<Attempt> attempts = java.util.Arrays.stream(claimed)
                .map(i -> new Attempt(i.id(), 1))
                .toList();
        db.run(em -> instances(em).claim(app, worker, 1, attempts));
    }

    private static JpaInstanceRepository instances(jakarta.persistence.EntityManager em) {
        return new JpaInstanceRepository(em, db.dialect(), TestDatabase.jdbcOf(em));
    }
}
