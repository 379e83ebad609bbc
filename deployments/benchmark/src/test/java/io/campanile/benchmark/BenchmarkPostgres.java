package io.campanile.benchmark;

import io.campanile.deployments.cluster.PostgresDatabase;
import io.campanile.deployments.cluster.PrivatePostgres;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server the benchmark runs on: a private cluster of its own ({@link PrivatePostgres}, a free
 * port of 127.0.0.1) that preloads {@code pg_stat_statements}, so that statements are counted without
 * reconfiguring the machine's shared server. Settings that change speed are as on a stock server ({@code fsync}
 * and {@code synchronous_commit} on), unlike the chaos soak's cluster. If the cluster cannot be started (no
 * server binaries), or with {@code -Dbenchmark.privatePostgres=false}, the benchmark runs on the shared server
 * and counts no statements unless that server preloads the library.
 *
 * <p>Every subject creates its database through {@link PostgresDatabase#createFresh()}, which reads the server
 * from the system properties {@code campanile.it.pg.url} and {@code campanile.it.pg.user}; while this is open
 * they name the private cluster, and {@link #close()} puts them back.
 */
final class BenchmarkPostgres implements AutoCloseable {

    static final String PROPERTY = "benchmark.privatePostgres";

    /** Enough entries for every distinct statement of a run, so that none is evicted and its calls lost. */
    static final Map<String, String> SETTINGS = settings();

    private final PrivatePostgres cluster;
    private final String previousUrl;
    private final String previousUser;

    private BenchmarkPostgres(PrivatePostgres cluster) {
        this.cluster = cluster;
        this.previousUrl = System.getProperty(PostgresDatabase.ADMIN_URL_PROPERTY);
        this.previousUser = System.getProperty(PostgresDatabase.USER_PROPERTY);
        if (cluster != null) {
            System.setProperty(PostgresDatabase.ADMIN_URL_PROPERTY, cluster.adminUrl());
            System.setProperty(PostgresDatabase.USER_PROPERTY, cluster.user());
        }
    }

    /** Starts the private cluster, or falls back to the shared server (printing why). */
    static BenchmarkPostgres start() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return new BenchmarkPostgres(null);
        }
        try {
            PrivatePostgres cluster = PrivatePostgres.start(PrivatePostgres.DEFAULT_BIN_DIR, SETTINGS);
            BenchmarkPostgres postgres = new BenchmarkPostgres(cluster);
            System.out.println("benchmark database server: " + postgres.description());
            return postgres;
        } catch (RuntimeException e) {
            System.out.println("cannot start a private PostgreSQL, running on the shared server: " + e.getMessage());
            return new BenchmarkPostgres(null);
        }
    }

    /** Whether the benchmark runs on its own cluster, where statements are counted. */
    boolean isPrivate() {
        return cluster != null;
    }

    /** For the log: where the databases are. */
    String description() {
        return cluster == null
                ? "the shared PostgreSQL server ("
                        + System.getProperty(PostgresDatabase.ADMIN_URL_PROPERTY, "127.0.0.1:5432") + ")"
                : "a private PostgreSQL cluster of the benchmark's own (initdb, 127.0.0.1, port " + cluster.port()
                        + ") with " + SETTINGS;
    }

    @Override
    public void close() {
        if (cluster == null) {
            return;
        }
        restore(PostgresDatabase.ADMIN_URL_PROPERTY, previousUrl);
        restore(PostgresDatabase.USER_PROPERTY, previousUser);
        cluster.close();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("pg_stat_statements.max", "10000");
        settings.put("pg_stat_statements.track", "top");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        return settings;
    }
}
