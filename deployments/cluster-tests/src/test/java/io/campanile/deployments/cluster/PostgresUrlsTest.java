package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlsTest {

    @Test
    void moves_the_database_to_a_loopback_port_and_keeps_name_and_parameters() {
        assertThat(PostgresUrls.viaLoopbackPort("jdbc:postgresql://db.example:6543/campanile_it_1?ssl=false", 40001))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40001/campanile_it_1?ssl=false");
    }

    @Test
    void reads_the_port_or_the_default() {
        assertThat(PostgresUrls.port("jdbc:postgresql://127.0.0.1:6543/x")).isEqualTo(6543);
        assertThat(PostgresUrls.port("jdbc:postgresql://localhost/x")).isEqualTo(5432);
    }

    @Test
    void refuses_other_urls() {
        assertThatThrownBy(() -> PostgresUrls.port("jdbc:h2:mem:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
