package io.campanile.scheduler.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Defines the application's datasource (literal values only, see {@link ConfiguredDataSource}) and
 * migrates the schema with Flyway before anything else starts. A failed migration fails the
 * deployment, loudly, instead of leaving a server running on a half-made schema.
 */
@DataSourceDefinition(
        name = DataSourceSetup.JNDI_NAME,
        className = "io.campanile.scheduler.infrastructure.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"configuredBy=campanile.db.url"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DataSourceSetup {

    public static final String JNDI_NAME = "java:app/jdbc/campanile";
    private static final Logger LOG = Logger.getLogger(DataSourceSetup.class.getName());

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = flyway(dataSource).migrate();
        LOG.info(() -> "Campanile database at " + redacted(ConfiguredDataSource.url()) + ": schema version "
                + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migration(s) applied)");
    }

    /** The schema's migrations, as this WAR carries them, on {@code dataSource}. */
    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(DataSourceSetup.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /** The URL without credentials that a JDBC URL may carry. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
