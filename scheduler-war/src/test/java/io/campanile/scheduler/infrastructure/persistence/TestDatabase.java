package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppSecret;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.election.TakeOver;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database for contract tests, with the production persistence unit run in
 * resource-local mode (same mappings, same native SQL, no container).
 */
final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String schema;
    private final EntityManagerFactory emf;

    private TestDatabase(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
        Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("eclipselink.logging.level", "WARNING");
        this.emf = Persistence.createEntityManagerFactory("campanile", properties);
    }

    /** JDBC on the entity manager's own connection (EclipseLink unwraps it inside a transaction). */
    static TransactionJdbc jdbcOf(EntityManager em) {
        return new TransactionJdbc() {
            @Override
            public <T> T run(Work<T> work) {
                try {
                    return work.apply(em.unwrap(java.sql.Connection.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Adds an app that no server owns yet, as the admin API does. */
    void addApp(String name) {
        run(em -> {
            new JpaAppRepository(em).add(new App(name, AppSecret.of("secret-123"), Instant.now()));
            new JpaOwnershipRepository(em, dialect()).register(name);
        });
    }

    /** Registers the app and makes {@code owner} its owner (epoch 1, a minute's lease). */
    void addOwnedApp(String name, ServerIdentity owner) {
        addApp(name);
        run(em -> new JpaOwnershipRepository(em, dialect())
                .takeOver(new TakeOver(name, 0, null, owner, OwnershipChangeReason.FIRST_CLAIM, 60_000)));
    }

    Dialect dialect() {
        return Dialect.of(url);
    }

    static TestDatabase h2() {
        return new TestDatabase("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", null);
    }

    /** A schema of its own in the PostgreSQL named by campanile.it.pg.url, dropped on close. */
    static TestDatabase postgres() {
        String base = System.getProperty("campanile.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("campanile.it.pg.user", "postgres");
        String schema =
                "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base, user, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is required for these tests at " + base + " (user " + user
                            + "); start it or set campanile.it.pg.url: " + e.getMessage(),
                    e);
        }
        return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, schema);
    }

    <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    void run(java.util.function.Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        emf.close();
        if (schema != null) {
            String base = System.getProperty("campanile.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            try (Connection c = DriverManager.getConnection(base, user, "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        } else {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
