package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.GapRule;
import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.JobBulkAction;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobChange;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobResult;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.scheduler.application.ChangeJobsInBulk;
import io.campanile.scheduler.application.DatabaseClock;
import io.campanile.scheduler.application.DueWork;
import io.campanile.scheduler.application.EditJobs;
import io.campanile.scheduler.application.ExportJobs;
import io.campanile.scheduler.application.ImportJobs;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.application.ManageJobs;
import io.campanile.scheduler.application.RequestRejected;
import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppSecret;
import io.campanile.scheduler.domain.app.AppSecrets;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.time.MonotonicClock;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API's changes of many jobs and of an app's secret against each database (H2 in {@code
 * H2AdminChangesContractTest}, PostgreSQL in {@code PostgresAdminChangesContractIT}): jobs locked many at once, an
 * export imported through the stored columns reproduces the jobs, and a rotated secret is stored with its grace.
 */
abstract class AdminChangesContract {

    private static final DatabaseClock CLOCK = new DatabaseClock(Clock.systemUTC(), MonotonicClock.system());

    private static TestDatabase db;
    private String app;

    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void anApp() {
        app = "admin-" + System.nanoTime();
        admin(a -> a.apps.create(new AppRegistration(app, "secret-of-app")));
    }

    @Test
    void jobs_are_locked_many_at_once_in_id_order_deleted_ones_too_and_only_the_apps() {
        JobView a = create(JobDefinition.onDemand("a", "p"));
        JobView b = create(JobDefinition.onDemand("b", "p"));
        JobView c = create(JobDefinition.onDemand("c", "p"));
        admin(w -> w.bulk.apply(app, JobBulkRequest.of(JobBulkAction.DELETE, List.of("b"))));
        String other = app + "-other";
        admin(w -> w.apps.create(new AppRegistration(other, "secret-of-app")));
        JobView foreign = admin(w -> w.jobs.create(other, JobDefinition.onDemand("a", "p")));

        List<Long> locked = db.tx(em -> new JpaJobRepository(em)
                .findForChange(app, List.of(c.id(), foreign.id(), a.id(), b.id(), 999_999_999L)).stream()
                        .map(Job::id)
                        .toList());
        List<String> live = db.tx(em -> new JpaJobRepository(em)
                .findByNames(app, List.of("c", "b", "a", "nope")).stream()
                        .map(Job::name)
                        .toList());

        assertThat(locked).containsExactly(a.id(), b.id(), c.id());
        assertThat(live).containsExactly("a", "c");
    }

    @Test
    void a_bulk_change_waits_for_a_change_that_holds_one_of_its_jobs_then_changes_all() throws Exception {
        JobView a = create(JobDefinition.onDemand("a", "p"));
        create(JobDefinition.onDemand("b", "p"));
        CompletableFuture<Void> holding = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.run(em -> {
            new JpaJobRepository(em).findForChange(app, List.of(a.id()));
            holding.complete(null);
            release.join();
        }));
        holding.get(10, TimeUnit.SECONDS);
        CompletableFuture<Integer> bulk = CompletableFuture.supplyAsync(
                () -> admin(w -> w.bulk.apply(app, JobBulkRequest.pause(List.of("a", "b"), "waits")))
                        .changed());

        assertThat(bulk).as("held by the other transaction").isNotDone();
        Thread.sleep(200);
        assertThat(bulk).as("still held").isNotDone();
        release.complete(null);
        holder.get(10, TimeUnit.SECONDS);

        assertThat(bulk.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        List<JobView> paused = admin(w -> w.jobs.list(app));
        assertThat(paused).extracting(JobView::enabled).containsOnly(false);
    }

    @Test
    void an_export_imported_through_the_stored_columns_reproduces_the_jobs_and_again_changes_nothing() {
        Instant runAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        create(JobDefinition.cron("cron", "p", "0 30 2 * * MON-FRI")
                .withTimeZone("Europe/Berlin")
                .withGapRule(GapRule.SKIP)
                .withMisfire(MisfirePolicy.FIRE_ALL, Duration.ofMinutes(30))
                .withOverlap(OverlapPolicy.BUFFER_ALL, 3)
                .withParameters("{\"day\":3}"));
        create(JobDefinition.oneOff("once", "p", runAt).withRetry(new RetryDefinition(3, "PT2S", null, 0.5, "PT1H")));
        create(JobDefinition.dailyTimeInterval(
                        "office", "p", LocalTime.of(9, 0), LocalTime.of(17, 0), Duration.ofMinutes(15))
                .withDaysOfWeek(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY))
                .withEnabled(false));
        create(JobDefinition.of("drain", "p", ScheduleType.FIXED_DELAY).withInterval(Duration.ofSeconds(30)));
        String copy = app + "-copy";
        admin(w -> w.apps.create(new AppRegistration(copy, "secret-of-app")));
        JobExport exported = admin(w -> w.exports.export(app));

        JobImportAnswer first = admin(w -> w.imports.importJobs(copy, exported, false));
        JobImportAnswer again = admin(w -> w.imports.importJobs(copy, admin(v -> v.exports.export(app)), false));

        assertThat(first.created()).isEqualTo(4);
        assertThat(again.jobs()).extracting(JobResult::change).containsOnly(JobChange.UNCHANGED);
        assertThat(admin(w -> w.exports.export(copy)).jobs()).isEqualTo(exported.jobs());
    }

    @Test
    void a_bad_document_rolls_back_and_leaves_the_app_as_it_was() {
        create(JobDefinition.onDemand("kept", "p"));
        List<JobDefinition> jobs = new ArrayList<>();
        jobs.add(JobDefinition.onDemand("new", "p"));
        jobs.add(JobDefinition.cron("bad", "p", "0 0 0 30 2 *"));

        assertThatThrownBy(() -> admin(w -> w.imports.importJobs(app, JobExport.of(jobs), true)))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.field()).isEqualTo("jobs[1].cron"));
        List<JobView> left = admin(w -> w.jobs.list(app));
        assertThat(left).extracting(JobView::name).containsExactly("kept");
    }

    @Test
    void a_rotated_secret_is_stored_hashed_with_the_previous_one_and_its_grace() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.run(em -> new JpaAppRepository(em)
                .findForChange(app)
                .orElseThrow()
                .rotateSecret(AppSecret.of("the-new-secret"), now, now.plusSeconds(60)));

        App stored = db.tx(em -> new JpaAppRepository(em).find(app)).orElseThrow();
        AppSecrets secrets = stored.secrets();

        assertThat(secrets.previousValidUntil()).isEqualTo(now.plusSeconds(60));
        assertThat(secrets.accept("the-new-secret", now)).isTrue();
        assertThat(secrets.accept("secret-of-app", now.plusSeconds(59))).isTrue();
        assertThat(secrets.accept("secret-of-app", now.plusSeconds(60))).isFalse();
        assertThat(secrets.current().hash()).doesNotContain("the-new-secret");
        Object rows = db.tx(em -> em.createNativeQuery("SELECT COUNT(*) FROM app WHERE name = ?1 AND "
                        + "previous_secret_hash IS NOT NULL AND secret_rotated_at IS NOT NULL")
                .setParameter(1, app)
                .getSingleResult());
        assertThat(String.valueOf(rows)).isEqualTo("1");
    }

    private JobView create(JobDefinition definition) {
        return admin(w -> w.jobs.create(app, definition));
    }

    private static <T> T admin(Function<Wired, T> work) {
        return db.tx(em -> work.apply(new Wired(em)));
    }

    /** The admin use cases on one transaction's entity manager. */
    private static final class Wired {
        final ManageApps apps;
        final ManageJobs jobs;
        final ChangeJobsInBulk bulk;
        final ExportJobs exports;
        final ImportJobs imports;

        Wired(EntityManager em) {
            JpaJobRepository jobRepository = new JpaJobRepository(em);
            JpaWorkerSummaryRepository workers = new JpaWorkerSummaryRepository(em);
            DueWork dueWork = new DueWork();
            apps = new ManageApps(new JpaAppRepository(em), new JpaOwnershipRepository(em, db.dialect()), CLOCK);
            jobs = new ManageJobs(
                    apps,
                    dueWork,
                    jobRepository,
                    new JpaInstanceRepository(em, db.dialect(), TestDatabase.jdbcOf(em)),
                    workers,
                    CLOCK);
            EditJobs edits = new EditJobs(jobs, jobRepository, workers, dueWork, CLOCK);
            bulk = new ChangeJobsInBulk(apps, jobRepository, dueWork, CLOCK);
            exports = new ExportJobs(apps, jobRepository, CLOCK);
            imports = new ImportJobs(apps, jobs, edits, jobRepository, CLOCK);
        }
    }
}
