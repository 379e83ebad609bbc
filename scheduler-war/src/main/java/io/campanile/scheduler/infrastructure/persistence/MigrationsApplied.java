package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.application.ReadinessCheck;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Readiness: no migration this WAR carries is pending in the database (a server must not serve a schema older than
 * its code). Migrations a newer server applied are not pending here.
 */
@ApplicationScoped
public class MigrationsApplied implements ReadinessCheck {

    @Resource(lookup = DataSourceSetup.JNDI_NAME)
    private DataSource dataSource;

    public MigrationsApplied() {}

    MigrationsApplied(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public Optional<String> problem() {
        MigrationInfo[] pending;
        try {
            pending = DataSourceSetup.flyway(dataSource).info().pending();
        } catch (RuntimeException e) {
            return Optional.of("could not read the schema history: " + DatabaseReachable.describe(e));
        }
        if (pending.length == 0) {
            return Optional.empty();
        }
        return Optional.of(pending.length + " pending: "
                + Arrays.stream(pending)
                        .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                        .collect(Collectors.joining(", ")));
    }
}
