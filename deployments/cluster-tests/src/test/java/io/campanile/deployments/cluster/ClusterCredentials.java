package io.campanile.deployments.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** Fresh random tokens for one test cluster, and the system properties a scheduler server of it starts with. */
public record ClusterCredentials(String adminToken, String clusterToken, String appSecret) {

    public static ClusterCredentials random() {
        return new ClusterCredentials(randomToken(), randomToken(), randomToken());
    }

    public static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A scheduler server's settings: its advertised URL, the database (no password) and these tokens. */
    public Map<String, String> serverProperties(String advertisedUrl, String jdbcUrl, String databaseUser) {
        return Map.of(
                "campanile.server.url", advertisedUrl,
                "campanile.db.url", jdbcUrl,
                "campanile.db.user", databaseUser,
                "campanile.db.password", "",
                "campanile.admin.token", adminToken,
                "campanile.cluster.token", clusterToken);
    }
}
