package io.campanile.scheduler.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource class named by {@link DataSourceSetup}: it reads the JDBC URL, user and password
 * from system properties ({@code campanile.db.url}, ...) or environment variables
 * ({@code CAMPANILE_DB_URL}, ...) when a connection is made, and uses the driver bundled in the WAR
 * that accepts the URL. The container still pools its connections and enlists them in JTA. This keeps
 * the WAR free of server-specific placeholders, which WildFly does not expand in
 * {@code @DataSourceDefinition}, and lets one build switch between H2 and PostgreSQL at start-up.
 */
public class ConfiguredDataSource implements DataSource {

    public static final String DEFAULT_URL = "jdbc:h2:mem:campanile;DB_CLOSE_DELAY=-1";
    private static final List<String> DRIVERS = List.of("org.h2.Driver", "org.postgresql.Driver");

    private volatile Driver driver;
    private int loginTimeout;
    private PrintWriter logWriter;
    private String configuredBy;

    public static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_'));
        }
        return value == null ? fallback : value;
    }

    /**
     * PostgreSQL ends a session that sits in an open transaction longer than this, which releases its row locks.
     * A server frozen (a long GC pause, SIGSTOP) or cut off in the middle of a fenced transaction holds its app's
     * {@code server_info} row locked; without this a peer's take-over would wait for it to wake up, however long
     * its lease has been expired. Healthy transactions never sit idle for seconds. Shorter than a lease (3 s).
     */
    public static long idleInTransactionMillis() {
        return Long.parseLong(setting("campanile.db.idle-in-transaction-timeout-millis", "2000"));
    }

    public static String url() {
        return setting("campanile.db.url", DEFAULT_URL);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(setting("campanile.db.user", ""), setting("campanile.db.password", ""));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        String url = url();
        Properties properties = new Properties();
        // WildFly passes an empty user rather than none; the configured one wins then.
        String user = username == null || username.isEmpty() ? setting("campanile.db.user", "") : username;
        String pass = password == null || password.isEmpty() ? setting("campanile.db.password", "") : password;
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!pass.isEmpty()) {
            properties.setProperty("password", pass);
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("options=")) {
            properties.setProperty("options", "-c idle_in_transaction_session_timeout=" + idleInTransactionMillis());
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts=")) {
            // a JDBC batch of inserts (a batch of runs) goes as multi-row INSERTs: a few statements, not thousands
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        Connection connection = driverFor(url).connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver refused the URL in campanile.db.url");
        }
        return connection;
    }

    private Driver driverFor(String url) throws SQLException {
        Driver d = driver;
        if (d != null && d.acceptsURL(url)) {
            return d;
        }
        for (String name : DRIVERS) {
            try {
                Driver candidate = (Driver) Class.forName(name, true, getClass().getClassLoader())
                        .getDeclaredConstructor()
                        .newInstance();
                if (candidate.acceptsURL(url)) {
                    driver = candidate;
                    return candidate;
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // that driver is not bundled; try the next
            }
        }
        throw new SQLException("no bundled JDBC driver (H2, PostgreSQL) accepts the URL in campanile.db.url: "
                + url.replaceAll("password=[^;&]*", "password=***"));
    }

    /** Only there because some servers refuse a datasource definition without properties. */
    public void setConfiguredBy(String configuredBy) {
        this.configuredBy = configuredBy;
    }

    public String getConfiguredBy() {
        return configuredBy;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
