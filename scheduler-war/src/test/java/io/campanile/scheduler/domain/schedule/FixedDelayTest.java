package io.campanile.scheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FixedDelayTest {

    private static final Instant CREATED = Instant.parse("2027-02-01T08:00:00.250Z");

    @Test
    void the_first_fire_is_one_delay_after_creation_in_whole_milliseconds() {
        FixedDelay delay = new FixedDelay(Duration.ofSeconds(30), null, ZoneOffset.UTC);

        assertThat(delay.firstFrom(CREATED).orElseThrow().at()).isEqualTo(CREATED.plusSeconds(30));
    }

    @Test
    void with_a_start_the_first_fire_is_at_the_start() {
        Instant start = CREATED.plusSeconds(3600);
        FixedDelay delay = new FixedDelay(Duration.ofSeconds(30), start, ZoneOffset.UTC);

        assertThat(delay.firstFrom(CREATED).orElseThrow().at()).isEqualTo(start);
        assertThat(new Window(delay, start, null)
                        .firstFrom(CREATED)
                        .orElseThrow()
                        .at())
                .isEqualTo(start);
    }

    @Test
    void the_next_fire_follows_the_end_of_the_previous_one_not_its_fire_time() {
        FixedDelay delay = new FixedDelay(Duration.ofSeconds(30), null, ZoneOffset.UTC);

        assertThat(delay.nextTimeAfter(CREATED)).as("the earliest it can be").contains(CREATED.plusSeconds(30));
        assertThat(delay.afterEnd(Instant.parse("2027-02-01T08:00:41.000400Z")))
                .isEqualTo(Instant.parse("2027-02-01T08:01:11.001Z"));
    }

    @Test
    void a_delay_under_a_tenth_of_a_second_is_refused() {
        assertThatThrownBy(() -> new FixedDelay(Duration.ofMillis(99), null, ZoneOffset.UTC))
                .hasMessageContaining("at least 100 ms");
    }
}
