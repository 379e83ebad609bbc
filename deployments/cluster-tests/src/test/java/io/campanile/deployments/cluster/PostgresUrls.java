package io.campanile.deployments.cluster;

import java.net.URI;

/** The host and port of a {@code jdbc:postgresql://host:port/database?...} URL, and the URL moved elsewhere. */
final class PostgresUrls {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    private PostgresUrls() {}

    static int port(String jdbcUrl) {
        int port = parse(jdbcUrl).getPort();
        return port < 0 ? DEFAULT_PORT : port;
    }

    /** The same database at 127.0.0.1:{@code port}: how a server is put behind its own database proxy. */
    static String viaLoopbackPort(String jdbcUrl, int port) {
        URI uri = parse(jdbcUrl);
        String rest = jdbcUrl.substring(PREFIX.length() + uri.getRawAuthority().length());
        return PREFIX + "127.0.0.1:" + port + rest;
    }

    private static URI parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + "host:port/database URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("no host in " + jdbcUrl);
        }
        return uri;
    }
}
