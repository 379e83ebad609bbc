package io.campanile.scheduler.application;

import io.campanile.api.admin.SecretRotation;
import io.campanile.api.admin.SecretRotationAnswer;
import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppRepository;
import io.campanile.scheduler.domain.app.AppSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives an app a new secret without downtime: the secret it replaces stays valid for a grace period (by the database's
 * clock), during which the app's workers move to the new one; then only the new one is accepted. Both are stored
 * hashed; neither is ever logged nor answered.
 */
@ApplicationScoped
public class RotateAppSecret {

    static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    static final Duration MAX_GRACE = Duration.ofDays(7);

    private ManageApps apps;
    private AppRepository repository;
    private AppAuthenticator authenticator;
    private Clock clock;

    protected RotateAppSecret() {}

    @Inject
    public RotateAppSecret(
            ManageApps apps, AppRepository repository, AppAuthenticator authenticator, DatabaseClock clock) {
        this.apps = apps;
        this.repository = repository;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Transactional
    public SecretRotationAnswer rotate(String appName, SecretRotation rotation) {
        Check.present("body", rotation);
        String secret = ManageApps.checkSecret(rotation.secret());
        Duration grace = grace(rotation.grace());
        apps.require(appName);
        App app = repository
                .findForChange(appName)
                .orElseThrow(() -> RequestRejected.notFound("no app named '" + appName + "'"));
        if (app.secret().matches(secret)) {
            throw RequestRejected.invalid("secret", "is the app's current secret; a rotation needs a new one");
        }
        Instant now = clock.instant();
        app.rotateSecret(AppSecret.of(secret), now, now.plus(grace));
        authenticator.forget(appName);
        return new SecretRotationAnswer(appName, now, now.plus(grace));
    }

    private static Duration grace(String text) {
        Duration grace = ScheduleDefinitions.duration("grace", text);
        if (grace == null) {
            return DEFAULT_GRACE;
        }
        if (grace.compareTo(MAX_GRACE) > 0) {
            throw RequestRejected.invalid("grace", "must be between PT0S and " + MAX_GRACE + " (P7D)");
        }
        return grace;
    }
}
