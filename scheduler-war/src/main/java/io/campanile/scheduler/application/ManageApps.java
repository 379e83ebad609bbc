package io.campanile.scheduler.application;

import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.AppView;
import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppRepository;
import io.campanile.scheduler.domain.app.AppSecret;
import io.campanile.scheduler.domain.election.Ownership;
import io.campanile.scheduler.domain.election.OwnershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Registers apps (with their secrets and an unclaimed {@code server_info} row) and lists them. */
@ApplicationScoped
public class ManageApps {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AppRepository apps;
    private OwnershipRepository ownership;
    private Clock clock;

    protected ManageApps() {}

    @Inject
    public ManageApps(AppRepository apps, OwnershipRepository ownership, DatabaseClock clock) {
        this.apps = apps;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Transactional
    public AppView create(AppRegistration registration) {
        Check.present("body", registration);
        Check.matches("name", registration.name(), NAME, "1-64 letters, digits, '.', '_' or '-'");
        String secret = checkSecret(registration.secret());
        if (apps.find(registration.name()).isPresent()) {
            throw RequestRejected.conflict("app " + registration.name() + " already exists");
        }
        App app = new App(registration.name(), AppSecret.of(secret), clock.instant());
        apps.add(app);
        ownership.register(app.name());
        return new AppView(app.name(), app.createdAt(), null, 0L);
    }

    /** A secret as an app may have it: 8 to 200 characters. */
    static String checkSecret(String secret) {
        Check.present("secret", secret);
        if (secret.length() < 8 || secret.length() > 200) {
            throw RequestRejected.invalid("secret", "must have 8 to 200 characters");
        }
        return secret;
    }

    @Transactional
    public List<AppView> list() {
        Map<String, Ownership> owners =
                ownership.findAll().stream().collect(Collectors.toMap(Ownership::appName, Function.identity()));
        return apps.findAll().stream()
                .map(a -> {
                    Ownership o = owners.get(a.name());
                    return new AppView(
                            a.name(), a.createdAt(), o == null ? null : o.ownerId(), o == null ? null : o.epoch());
                })
                .toList();
    }

    /** The app, or 404 naming it. */
    @Transactional
    public App require(String appName) {
        Check.appName("app", appName);
        return apps.find(appName).orElseThrow(() -> RequestRejected.notFound("no app named '" + appName + "'"));
    }
}
