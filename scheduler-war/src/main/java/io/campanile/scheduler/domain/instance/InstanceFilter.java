package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import java.time.Instant;
import java.util.Set;

/**
 * Which instances of an app a listing shows; each null (or empty) part lets every instance through.
 *
 * @param from fire times at or after this
 * @param to fire times before this
 */
public record InstanceFilter(
        String appName, Long jobId, Set<InstanceState> states, Instant from, Instant to, String workerId) {

    public InstanceFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public static InstanceFilter all(String appName) {
        return new InstanceFilter(appName, null, Set.of(), null, null, null);
    }
}
