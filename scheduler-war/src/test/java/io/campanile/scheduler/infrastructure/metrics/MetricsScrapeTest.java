package io.campanile.scheduler.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.ReportedState;
import io.campanile.scheduler.application.SchedulerMetrics;
import io.campanile.scheduler.application.SchedulerSettings;
import io.campanile.scheduler.application.WaitingPolls;
import io.campanile.scheduler.application.WorkerRegistry;
import io.campanile.scheduler.domain.election.HeldApps;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Prometheus text the scrape gives: names, labels, histogram buckets, and no gauge of an app not held. */
class MetricsScrapeTest {

    private final AtomicLong monotonic = new AtomicLong(1_000_000);
    private final SchedulerSettings settings = SchedulerSettings.defaults();
    private final HeldApps held = new HeldApps(monotonic::get, settings.safetyMillis());
    private final MicrometerMetrics metrics = new MicrometerMetrics();
    private final MetricsScrape scrape =
            new MetricsScrape(metrics, held, new WaitingPolls(), new WorkerRegistry(monotonic::get), settings);

    {
        scrape.register();
    }

    @Test
    void counters_and_the_fire_lag_histogram_carry_the_app_and_a_fixed_label() {
        metrics.firesCreated("billing", 3);
        metrics.firesSkipped("billing", SchedulerMetrics.SkipReason.MISFIRE, 2);
        metrics.runEnded("billing", ReportedState.SUCCEEDED);
        metrics.fireLag("billing", Duration.ofMillis(7));
        metrics.ownershipChanged(OwnershipChangeReason.LEASE_EXPIRED);
        metrics.leaseRenewalFailed();
        metrics.timed(SchedulerMetrics.DbCall.CLAIM, () -> 1);

        String text = scrape.scrape();

        assertThat(text)
                .contains("campanile_fires_total{app=\"billing\"} 3.0")
                .contains("campanile_fires_skipped_total{app=\"billing\",reason=\"MISFIRE\"} 2.0")
                .contains("campanile_runs_ended_total{app=\"billing\",outcome=\"SUCCEEDED\"} 1.0")
                .contains("campanile_fire_lag_seconds_bucket{app=\"billing\",le=\"0.005\"} 0")
                .contains("campanile_fire_lag_seconds_bucket{app=\"billing\",le=\"0.01\"} 1")
                .contains("campanile_fire_lag_seconds_count{app=\"billing\"} 1")
                .contains("campanile_ownership_changes_total{reason=\"LEASE_EXPIRED\"} 1.0")
                .contains("campanile_lease_renewal_failures_total 1.0")
                .contains("campanile_db_call_seconds_count{operation=\"claim\"} 1");
    }

    @Test
    void the_per_app_gauges_name_only_the_apps_held_now() {
        held.hold("billing", 4, monotonic.get(), settings.leaseMillis());
        held.hold("reports", 9, monotonic.get(), settings.leaseMillis());
        metrics.dueWaiting("billing", 12);

        assertThat(scrape.scrape())
                .contains("campanile_owned_apps 2.0")
                .contains("campanile_app_epoch{app=\"billing\"} 4.0")
                .contains("campanile_app_epoch{app=\"reports\"} 9.0")
                .contains("campanile_dispatch_queue_depth{app=\"billing\"} 12.0")
                .contains("campanile_polls_waiting{app=\"reports\"} 0.0")
                .contains("campanile_workers_live{app=\"reports\"} 0.0");

        held.lose("billing", 4);

        assertThat(scrape.scrape())
                .contains("campanile_owned_apps 1.0")
                .contains("campanile_app_epoch{app=\"reports\"} 9.0")
                .doesNotContain("app=\"billing\"");
    }
}
