package io.campanile.scheduler.domain.job;

import io.campanile.api.MisfirePolicy;
import io.campanile.api.OverlapPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.util.Optional;

/**
 * What a job does with fire times that were missed (its misfire policy) and with a fire that comes while earlier
 * fires of it are still going (its overlap policy); stored with the job.
 */
@Embeddable
public class FirePolicies {

    @Enumerated(EnumType.STRING)
    @Column(name = "misfire_policy", nullable = false)
    private MisfirePolicy misfirePolicy = MisfirePolicy.FIRE_ALL;

    /** Under FIRE_ALL, how far back missed fire times still run; null: without limit. */
    @Column(name = "catch_up_ms")
    private Long catchUpMillis;

    @Enumerated(EnumType.STRING)
    @Column(name = "overlap_policy", nullable = false)
    private OverlapPolicy overlapPolicy = OverlapPolicy.ALLOW;

    /** How many earlier fires may be going before a fire overlaps. */
    @Column(name = "max_concurrent", nullable = false)
    private int maxConcurrent = 1;

    /**
     * What missed fire times do.
     *
     * @param catchUpWindow under FIRE_ALL, how far back missed fire times still run; null: without limit
     */
    public void misfire(MisfirePolicy policy, Duration catchUpWindow) {
        this.misfirePolicy = policy == null ? MisfirePolicy.FIRE_ALL : policy;
        this.catchUpMillis = catchUpWindow == null ? null : catchUpWindow.toMillis();
    }

    /** What a fire that comes while {@code maxConcurrent} earlier fires are going does. */
    public void overlap(OverlapPolicy policy, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent is at least 1, was " + maxConcurrent);
        }
        this.overlapPolicy = policy == null ? OverlapPolicy.ALLOW : policy;
        this.maxConcurrent = maxConcurrent;
    }

    public MisfirePolicy misfirePolicy() {
        return misfirePolicy;
    }

    public Optional<Duration> catchUpWindow() {
        return Optional.ofNullable(catchUpMillis).map(Duration::ofMillis);
    }

    public OverlapPolicy overlapPolicy() {
        return overlapPolicy;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }
}
