package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    private final MutableClock host = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final DatabaseClock clock = new DatabaseClock(host);

    @Test
    void reads_host_time_until_synced() {
        assertThat(clock.offsetMillis()).isZero();
        assertThat(clock.instant()).isEqualTo(host.instant());
    }

    @Test
    void measures_the_offset_from_the_midpoint_of_the_round_trip() {
        long sent = host.millis();
        long received = sent + 200;
        // the database read its clock half-way through the round trip, 5 s ahead of this host
        Instant databaseTime = Instant.ofEpochMilli(sent + 100 + 5000);

        clock.sync(databaseTime, sent, received);

        assertThat(clock.offsetMillis()).isEqualTo(5000);
    }

    @Test
    void follows_the_host_clock_shifted_by_the_offset() {
        long sent = host.millis();
        clock.sync(Instant.ofEpochMilli(sent - 3000), sent, sent);

        host.advanceMillis(1500);

        assertThat(clock.instant()).isEqualTo(host.instant().minusMillis(3000));
        assertThat(clock.millis()).isEqualTo(host.millis() - 3000);
    }

    @Test
    void a_later_sync_replaces_the_offset() {
        long sent = host.millis();
        clock.sync(Instant.ofEpochMilli(sent + 5000), sent, sent);
        clock.sync(Instant.ofEpochMilli(sent + 20), sent, sent);

        assertThat(clock.offsetMillis()).isEqualTo(20);
    }

    @Test
    void is_always_utc_and_keeps_its_host() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.host()).isSameAs(host);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Berlin")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
