package io.campanile.scheduler.application;

import io.campanile.api.ScheduleType;
import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.scheduler.domain.instance.JobInstance;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.schedule.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a job for the fire times its schedule had in a past range: one run per fire time, with that time as its
 * fire time, created by the app's owner as a batch of runs ({@link RunJobs}). Each run's request id is the fire time
 * (under the request's own id, when it has one), so a repeated backfill creates nothing twice.
 */
@ApplicationScoped
public class BackfillJobs {

    /** The most fire times one request backfills; a longer range is split by the caller. */
    public static final int MAX_FIRES = 1000;

    private static final Duration MAX_AGE = Duration.ofDays(366);
    private static final int MAX_REQUEST_ID = 40;

    private ManageJobs jobs;
    private RunJobs runs;
    private Clock clock;

    protected BackfillJobs() {}

    @Inject
    public BackfillJobs(ManageJobs jobs, RunJobs runs, DatabaseClock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.clock = clock;
    }

    public RunBatchAnswer backfill(String appName, long jobId, BackfillRequest request) {
        Check.present("body", request);
        Check.present("from", request.from());
        Check.present("to", request.to());
        Instant now = clock.instant();
        if (request.to().isBefore(request.from())) {
            throw RequestRejected.invalid("to", "is before from (" + request.from() + ")");
        }
        if (request.to().isAfter(now)) {
            throw RequestRejected.invalid(
                    "to",
                    "is in the future (now " + now + "): a backfill runs past fire times; the schedule fires the"
                            + " others");
        }
        if (request.from().isBefore(now.minus(MAX_AGE))) {
            throw RequestRejected.invalid("from", "must be within " + MAX_AGE.toDays() + " days of now (" + now + ")");
        }
        String under = request.requestId() == null
                ? ""
                : Check.identifier("requestId", request.requestId(), MAX_REQUEST_ID) + ":";
        Job job = jobs.require(appName, jobId);
        List<RunRequest> fires = new ArrayList<>();
        for (Instant at : fireTimes(job, request.from(), request.to())) {
            fires.add(new RunRequest(null, null, JobInstance.BACKFILL_REQUEST + under + at, at));
        }
        if (fires.isEmpty()) {
            return new RunBatchAnswer(0, 0, List.of());
        }
        return runs.runBatch(appName, jobId, new RunBatch(fires));
    }

    private static List<Instant> fireTimes(Job job, Instant from, Instant to) {
        if (job.scheduleType() == ScheduleType.API || job.scheduleType() == ScheduleType.FIXED_DELAY) {
            throw RequestRejected.invalid(
                    "job",
                    job.scheduleType() == ScheduleType.API
                            ? "an API job has no fire times to backfill; run it with POST .../runs"
                            : "a FIXED_DELAY job's fire times follow the ends of its fires: it has none to backfill");
        }
        Schedule schedule = job.schedule().orElseThrow();
        List<Instant> times = new ArrayList<>();
        Optional<Instant> next = schedule.firstFrom(from).map(f -> f.at());
        while (next.isPresent() && !next.get().isAfter(to)) {
            if (times.size() == MAX_FIRES) {
                throw RequestRejected.invalid(
                        "to", "the range holds more than " + MAX_FIRES + " fire times of the job; split it");
            }
            times.add(next.get());
            next = schedule.nextTimeAfter(next.get());
        }
        return times;
    }
}
