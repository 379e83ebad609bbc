package io.campanile.scheduler.application;

import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import java.time.Duration;

/**
 * Reads a job definition's misfire and overlap policies, refusing with the field named what does not apply to the
 * job's schedule type or is out of range.
 */
final class PolicyDefinitions {

    private PolicyDefinitions() {}

    /** A job's misfire policy as asked for: FIRE_ALL without a catch-up window when absent. */
    record MisfireChoice(MisfirePolicy policy, Duration catchUpWindow) {}

    /**
     * The misfire policy of {@code d}.
     *
     * @throws RequestRejected naming the field that is not allowed or wrong
     */
    static MisfireChoice misfire(JobDefinition d) {
        MisfirePolicy policy = d.misfirePolicy() == null ? MisfirePolicy.FIRE_ALL : d.misfirePolicy();
        if (ScheduleDefinitions.typeOf(d) == ScheduleType.API && d.misfirePolicy() != null) {
            throw RequestRejected.invalid("misfirePolicy", "an API job has no fire times to miss");
        }
        if (ScheduleDefinitions.typeOf(d) == ScheduleType.FIXED_DELAY && d.misfirePolicy() != null) {
            throw RequestRejected.invalid(
                    "misfirePolicy",
                    "a FIXED_DELAY job has no fire times to miss: it fires once its previous fire ended, late if"
                            + " its owner was away then");
        }
        Duration window = ScheduleDefinitions.duration("catchUpWindow", d.catchUpWindow());
        if (window != null && policy != MisfirePolicy.FIRE_ALL) {
            throw RequestRejected.invalid(
                    "catchUpWindow", "only a FIRE_ALL misfire policy has a catch-up window, not " + policy);
        }
        if (window != null
                && (ScheduleDefinitions.typeOf(d) == ScheduleType.API
                        || ScheduleDefinitions.typeOf(d) == ScheduleType.FIXED_DELAY)) {
            throw RequestRejected.invalid(
                    "catchUpWindow", "a " + ScheduleDefinitions.typeOf(d) + " job has no fire times to miss");
        }
        return new MisfireChoice(policy, window);
    }

    /** A job's overlap policy as asked for: ALLOW when absent. */
    record OverlapChoice(OverlapPolicy policy, int maxConcurrent) {}

    /** The most earlier fires a job may let go on at once before a fire overlaps. */
    static final int MAX_CONCURRENT = 1000;

    /**
     * The overlap policy of {@code d}.
     *
     * @throws RequestRejected naming the field that is not allowed or wrong
     */
    static OverlapChoice overlap(JobDefinition d) {
        ScheduleType type = ScheduleDefinitions.typeOf(d);
        if ((type == ScheduleType.API || type == ScheduleType.FIXED_DELAY)
                && (d.overlapPolicy() != null || d.maxConcurrent() != null)) {
            throw RequestRejected.invalid(
                    d.overlapPolicy() != null ? "overlapPolicy" : "maxConcurrent",
                    type == ScheduleType.API
                            ? "an API job's runs are each asked for; they never overlap a schedule"
                            : "a FIXED_DELAY job fires once its previous fire ended: its fires never overlap");
        }
        OverlapPolicy policy = d.overlapPolicy() == null ? OverlapPolicy.ALLOW : d.overlapPolicy();
        if (d.maxConcurrent() == null) {
            return new OverlapChoice(policy, 1);
        }
        if (policy == OverlapPolicy.ALLOW) {
            throw RequestRejected.invalid(
                    "maxConcurrent", "an ALLOW overlap policy lets every fire run; name another policy to limit them");
        }
        if (d.maxConcurrent() < 1 || d.maxConcurrent() > MAX_CONCURRENT) {
            throw RequestRejected.invalid("maxConcurrent", "must be between 1 and " + MAX_CONCURRENT);
        }
        return new OverlapChoice(policy, d.maxConcurrent());
    }
}
