package io.campanile.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.admin.SecretRotation;
import io.campanile.api.admin.SecretRotationAnswer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RotateAppSecretTest {

    private final AdminUseCases admin = new AdminUseCases().app("shop");
    private final AppAuthenticator here = new AppAuthenticator(admin.appRepository, admin.databaseClock);
    private final AppAuthenticator elsewhere = new AppAuthenticator(admin.appRepository, admin.databaseClock);
    private final RotateAppSecret rotations =
            new RotateAppSecret(admin.apps, admin.appRepository, here, admin.databaseClock);

    @Test
    void both_secrets_are_accepted_during_the_grace_then_only_the_new_one() {
        assertThat(here.verify("shop", "secret-of-shop")).isTrue();

        SecretRotationAnswer answer = rotations.rotate("shop", new SecretRotation("brand-new-secret", "PT10M"));

        assertThat(answer.previousValidUntil()).isEqualTo(answer.rotatedAt().plus(Duration.ofMinutes(10)));
        assertThat(here.verify("shop", "brand-new-secret")).isTrue();
        assertThat(here.verify("shop", "secret-of-shop")).isTrue();
        admin.clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(here.verify("shop", "secret-of-shop")).isTrue();
        admin.clock.advance(Duration.ofMillis(1));
        assertThat(here.verify("shop", "secret-of-shop"))
                .as("the grace is over")
                .isFalse();
        assertThat(here.verify("shop", "brand-new-secret")).isTrue();
        assertThat(here.verify("shop", "never-a-secret")).isFalse();
    }

    @Test
    void another_server_accepts_the_new_secret_within_a_second_without_a_read_per_wrong_secret() {
        assertThat(elsewhere.verify("shop", "secret-of-shop")).isTrue();
        rotations.rotate("shop", new SecretRotation("brand-new-secret", null));
        int reads = admin.appRepository.reads;

        boolean atOnce = elsewhere.verify("shop", "brand-new-secret");
        admin.clock.advance(Duration.ofMillis(AppAuthenticator.RELOAD_MILLIS + 1));
        boolean afterASecond = elsewhere.verify("shop", "brand-new-secret");

        assertThat(atOnce).as("its cache is fresh").isFalse();
        assertThat(afterASecond).isTrue();
        assertThat(admin.appRepository.reads - reads).isEqualTo(1);
        assertThat(elsewhere.verify("shop", "secret-of-shop"))
                .as("within the default hour")
                .isTrue();
        admin.clock.advance(RotateAppSecret.DEFAULT_GRACE);
        assertThat(elsewhere.verify("shop", "secret-of-shop")).isFalse();
    }

    @Test
    void a_second_rotation_keeps_two_secrets_at_most() {
        rotations.rotate("shop", new SecretRotation("second-secret", "PT1H"));
        rotations.rotate("shop", new SecretRotation("third-secret", "PT1H"));

        assertThat(here.verify("shop", "third-secret")).isTrue();
        assertThat(here.verify("shop", "second-secret")).isTrue();
        assertThat(here.verify("shop", "secret-of-shop")).isFalse();
    }

    @Test
    void a_grace_of_zero_refuses_the_old_secret_at_once() {
        rotations.rotate("shop", new SecretRotation("brand-new-secret", "PT0S"));

        assertThat(here.verify("shop", "secret-of-shop")).isFalse();
        assertThat(here.verify("shop", "brand-new-secret")).isTrue();
    }

    @Test
    void bad_rotations_name_the_field_and_change_nothing() {
        assertField(new SecretRotation("short", null), "secret");
        assertField(new SecretRotation(null, null), "secret");
        assertField(new SecretRotation("secret-of-shop", null), "secret");
        assertField(new SecretRotation("brand-new-secret", "P8D"), "grace");
        assertField(new SecretRotation("brand-new-secret", "-PT1S"), "grace");
        assertField(new SecretRotation("brand-new-secret", "soon"), "grace");
        assertThatThrownBy(() -> rotations.rotate("nope", new SecretRotation("brand-new-secret", null)))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.kind()).isEqualTo(RequestRejected.Kind.NOT_FOUND));
        assertThat(here.verify("shop", "secret-of-shop")).isTrue();
        assertThat(here.verify("shop", "brand-new-secret")).isFalse();
    }

    private void assertField(SecretRotation rotation, String field) {
        assertThatThrownBy(() -> rotations.rotate("shop", rotation))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage())
                            .doesNotContain("brand-new-secret")
                            .doesNotContain("secret-of-shop");
                });
    }
}
