package io.campanile.scheduler.domain.instance;

import java.time.Instant;

/**
 * Where an instance stands in a listing by fire time: instances share fire times (a job's runs, the fires of many
 * jobs), so the id breaks the tie and every instance has a position of its own.
 */
public record FirePosition(Instant fireTime, long id) {

    public static FirePosition of(JobInstance instance) {
        return new FirePosition(instance.fireTime(), instance.id());
    }
}
