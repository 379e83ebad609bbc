package io.campanile.deployments.cluster;

import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.client.CampanileClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos soak's jobs besides the CRON-like ones and the on-demand job: per app a FIXED_DELAY job, a held job
 * under an overlap policy, ONE_OFF jobs, a job whose runs fail at random and are retried, and a backfill of a past
 * range asked for twice (at set-up, and again after the faults). Collects them for the books ({@link ChaosJobs}).
 */
final class ChaosOtherJobs {

    static final int ONE_OFFS_PER_APP = 2;
    static final Duration DELAY = Duration.ofSeconds(1);
    /** Longer than the held job's period (1 s): every other fire or so overlaps the run before it. */
    static final Duration HOLD = Duration.ofMillis(1500);
    /**
     * Longer than a worker's shutdown grace (campanile.worker.shutdown-grace-millis, 2 s by default), so that a worker
     * stopped during a run of the retried job interrupts it and reports it failed, to be retried.
     */
    static final Duration RETRY_HOLD = Duration.ofMillis(2500);
    /**
     * Divides 60, as the CRON books need; long enough for three attempts ({@link #RETRY_HOLD} each, 0.5 s and 1 s
     * apart) before the next fire time, the default deadline of a retry.
     */
    static final int RETRY_PERIOD = 12;

    static final int RETRY_ATTEMPTS = 3;
    /**
     * How long an instance of the retried job may take from its fire time to its last attempt's end: every attempt
     * held, each retry after the longest backoff. One fired within this of the window's end may still be retried when
     * the books are kept, and is not counted.
     */
    static final Duration RETRY_LIFETIME = RETRY_HOLD.plusSeconds(1).multipliedBy(RETRY_ATTEMPTS);

    static final int FAIL_PERCENT = 40;
    static final Duration BACKFILL_RANGE = Duration.ofSeconds(60);

    private final ChaosCluster cluster;
    private final List<ChaosJobs.DelayJob> delayJobs = new ArrayList<>();
    private final List<ChaosJobs.OverlapJob> overlapJobs = new ArrayList<>();
    private final List<ChaosJobs.OneOffJob> oneOffJobs = new ArrayList<>();
    private final List<ChaosJobs.RetryJob> retryJobs = new ArrayList<>();
    private final List<ChaosJobs.Backfill> firstBackfills = new ArrayList<>();

    ChaosOtherJobs(ChaosCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * The kinds besides CRON of an app: a FIXED_DELAY job, a held job every second under SKIP (the first app) or
     * BUFFER_ONE (the second), ONE_OFF jobs firing during the faults, and a job every {@link #RETRY_PERIOD} s whose
     * runs hold {@link #RETRY_HOLD} and fail at random, retried.
     */
    void create(CampanileAdminClient admin, String app, int index, List<Duration> oneOffDelays) {
        long delay = admin.createJob(
                        app,
                        JobDefinition.of("delay-1s", "audit", ScheduleType.FIXED_DELAY)
                                .withInterval(DELAY))
                .id();
        delayJobs.add(new ChaosJobs.DelayJob(app, delay, "delay-1s", DELAY));
        OverlapPolicy policy = index % 2 == 0 ? OverlapPolicy.SKIP : OverlapPolicy.BUFFER_ONE;
        long held = admin.createJob(
                        app,
                        JobDefinition.fixedRate("held-1s", "audit", Duration.ofSeconds(1))
                                .withOverlap(policy, 1)
                                .withParameters("holdMillis=" + HOLD.toMillis()))
                .id();
        overlapJobs.add(new ChaosJobs.OverlapJob(app, held, "held-1s", policy));
        for (int k = 0; k < oneOffDelays.size(); k++) {
            Instant runAt = Instant.now().plus(oneOffDelays.get(k)).truncatedTo(ChronoUnit.MILLIS);
            String name = "once-" + (k + 1);
            long id = admin.createJob(app, JobDefinition.oneOff(name, "audit", runAt))
                    .id();
            oneOffJobs.add(new ChaosJobs.OneOffJob(app, id, name, runAt));
        }
        long retried = admin.createJob(
                        app,
                        JobDefinition.cron("retried-" + RETRY_PERIOD + "s", "audit", "*/" + RETRY_PERIOD + " * * * * *")
                                .withParameters("holdMillis=" + RETRY_HOLD.toMillis() + " failPercent=" + FAIL_PERCENT)
                                .withRetry(RetryDefinition.attempts(RETRY_ATTEMPTS)
                                        .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(1))
                                        .withJitter(0)))
                .id();
        retryJobs.add(
                new ChaosJobs.RetryJob(app, retried, "retried-" + RETRY_PERIOD + "s", RETRY_ATTEMPTS, RETRY_LIFETIME));
    }

    /** The first backfill of a CRON job of the app: the minute before the job existed. */
    void backfill(CampanileAdminClient admin, String app, String job, int period) {
        Instant to = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(BACKFILL_RANGE);
        List<Instant> fireTimes = new ArrayList<>();
        for (long s = from.getEpochSecond(); s <= to.getEpochSecond(); s++) {
            if (s % period == 0) {
                fireTimes.add(Instant.ofEpochSecond(s));
            }
        }
        long jobId = admin.getJob(app, job).id();
        RunBatchAnswer first =
                untilAnswered(() -> admin.backfill(app, job, new BackfillRequest(from, to, "chaos-backfill-" + app)));
        firstBackfills.add(new ChaosJobs.Backfill(app, jobId, job, fireTimes, first, null, from, to));
    }

    /**
     * The answer to a request that is safe to repeat (a backfill with its request id), repeated while the server
     * answers 503 ("the owner ... could not be reached; try again": on a loaded machine a forward to the owner can
     * time out), for up to {@link #SET_UP_PATIENCE}.
     */
    private static <T> T untilAnswered(java.util.function.Supplier<T> request) {
        long deadline = System.nanoTime() + SET_UP_PATIENCE.toNanos();
        while (true) {
            try {
                return request.get();
            } catch (CampanileClientException e) {
                if (e.status() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("CHAOS-SETUP a request answered 503, repeating it: " + e.getMessage());
                Poll.pause(Duration.ofMillis(500));
            }
        }
    }

    private static final Duration SET_UP_PATIENCE = Duration.ofSeconds(30);

    /** Each backfill again, with the same range and request id, through any server that answers. */
    List<ChaosJobs.Backfill> repeatBackfills() {
        List<ChaosJobs.Backfill> done = new ArrayList<>();
        for (ChaosJobs.Backfill backfill : firstBackfills) {
            RunBatchAnswer repeat = null;
            RuntimeException failure = null;
            for (ChaosServer server : cluster.servers()) {
                try {
                    repeat = server.admin()
                            .backfill(
                                    backfill.app(),
                                    backfill.name(),
                                    new BackfillRequest(
                                            backfill.from(), backfill.to(), "chaos-backfill-" + backfill.app()));
                    break;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (repeat == null) {
                throw new IllegalStateException("no server answered the repeated backfill of " + backfill, failure);
            }
            System.out.println("CHAOS-BACKFILL " + backfill.app() + "/" + backfill.name() + " " + backfill.from() + ".."
                    + backfill.to() + " first=" + backfill.first().created() + " created, repeat="
                    + repeat.created() + " created/" + repeat.existing() + " existing");
            done.add(backfill.withRepeat(repeat));
        }
        return done;
    }

    List<ChaosJobs.RetryJob> retryJobs() {
        return List.copyOf(retryJobs);
    }

    /** Every kind, with the backfills as answered twice. */
    ChaosJobs jobs(List<ChaosBooks.CronJob> cron, List<ChaosJobs.Backfill> backfills) {
        return new ChaosJobs(cron, delayJobs, overlapJobs, oneOffJobs, backfills, retryJobs);
    }

    @Override
    public String toString() {
        return "delay " + delayJobs + " overlap " + overlapJobs + " one-off " + oneOffJobs + " retry " + retryJobs
                + " backfills " + firstBackfills;
    }
}
