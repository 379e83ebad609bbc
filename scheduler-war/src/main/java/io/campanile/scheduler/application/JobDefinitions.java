package io.campanile.scheduler.application;

import io.campanile.api.admin.JobDefinition;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads a job definition from a request as a whole, the same way whether it creates a job, replaces one or is only
 * previewed: each field refused names itself. What differs is which fields must be there.
 */
final class JobDefinitions {

    static final int MAX_PARAMETERS = 65_536;
    private static final int MAX_PROCESSOR = 200;

    private JobDefinitions() {}

    /** What the definition is read for. */
    enum Use {
        /** A new job: name and processor required. */
        CREATE,
        /** A job replaced: processor required, the name may be left out (it cannot change). */
        UPDATE,
        /** Fire times shown, nothing saved: a schedule type required, name and processor checked when given. */
        PREVIEW
    }

    /** A definition that passed every check. */
    record Checked(
            ScheduleSpec spec,
            PolicyDefinitions.MisfireChoice misfire,
            PolicyDefinitions.OverlapChoice overlap,
            RetryDefinitions.RetryChoice retry,
            Duration timeout,
            RoutingDefinitions.RoutingChoice routing,
            boolean logsLocal) {

        /** Gives the job the definition's misfire, overlap and retry policies, time limit, routing and where its logs go. */
        void applyPolicies(Job job) {
            job.policies().misfire(misfire.policy(), misfire.catchUpWindow());
            job.policies().overlap(overlap.policy(), overlap.maxConcurrent());
            retry.applyTo(job.retry());
            job.limitAttempts(timeout);
            routing.applyTo(job.routing());
            job.keepLogsLocal(logsLocal);
        }
    }

    /**
     * @throws RequestRejected naming the first field that is missing or wrong
     */
    static Checked read(JobDefinition d, Instant now, Use use) {
        Check.present("body", d);
        if (use == Use.PREVIEW && d.scheduleType() == null && d.cron() == null) {
            throw RequestRejected.invalid("scheduleType", "is required: the type of the schedule to preview");
        }
        if (use == Use.CREATE || d.name() != null) {
            Check.matches("name", d.name(), JobRef.NAME, "1-128 letters, digits, '.', '_' or '-'");
            if (JobRef.isDigitsOnly(d.name())) {
                throw RequestRejected.invalid("name", "a name of digits only would read as a job id; add a letter");
            }
        }
        if (use != Use.PREVIEW || d.processor() != null) {
            Check.identifier("processor", d.processor(), MAX_PROCESSOR);
        }
        Check.text("parameters", d.parameters(), MAX_PARAMETERS);
        ScheduleSpec spec = ScheduleDefinitions.read(d, now);
        return new Checked(
                spec,
                PolicyDefinitions.misfire(d),
                PolicyDefinitions.overlap(d),
                RetryDefinitions.retry(d),
                RetryDefinitions.timeout(d),
                RoutingDefinitions.routing(d),
                Boolean.TRUE.equals(d.logsLocal()));
    }
}
