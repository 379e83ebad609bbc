package io.campanile.scheduler.domain.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppSecretTest {

    private static final String SECRET = "s3cr3t-of-the-billing-app";

    @Test
    void matches_the_secret_it_was_made_from() {
        assertThat(AppSecret.of(SECRET).matches(SECRET)).isTrue();
    }

    @Test
    void still_matches_after_being_stored_and_read_back() {
        AppSecret stored = AppSecret.of(SECRET);

        AppSecret readBack = new AppSecret(stored.salt(), stored.hash());

        assertThat(readBack.matches(SECRET)).isTrue();
    }

    @Test
    void rejects_a_wrong_secret() {
        AppSecret secret = AppSecret.of(SECRET);

        assertThat(secret.matches("s3cr3t-of-the-mailing-app")).isFalse();
        assertThat(secret.matches(SECRET + " ")).isFalse();
        assertThat(secret.matches("")).isFalse();
    }

    @Test
    void rejects_a_missing_secret() {
        assertThat(AppSecret.of(SECRET).matches(null)).isFalse();
    }

    @Test
    void two_hashes_of_the_same_secret_differ_by_their_salt() {
        AppSecret one = AppSecret.of(SECRET);
        AppSecret other = AppSecret.of(SECRET);

        assertThat(one.salt()).isNotEqualTo(other.salt());
        assertThat(one.hash()).isNotEqualTo(other.hash());
        assertThat(one.salt()).hasSize(32).matches("[0-9a-f]+");
        assertThat(one.hash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void stores_neither_the_secret_nor_shows_it() {
        AppSecret secret = AppSecret.of(SECRET);

        assertThat(secret.toString())
                .isEqualTo("AppSecret[hidden]")
                .doesNotContain(SECRET)
                .doesNotContain(secret.hash())
                .doesNotContain(secret.salt());
        assertThat(secret.hash()).doesNotContain(SECRET);
    }
}
