package io.campanile.scheduler.infrastructure.config;

/** The cluster's shared tokens. Never logged; toString hides them. */
public record Credentials(String adminToken, String clusterToken) {

    public static final String DEV_ADMIN_TOKEN = "campanile-dev-admin-token";
    public static final String DEV_CLUSTER_TOKEN = "campanile-dev-cluster-token";

    @Override
    public String toString() {
        return "Credentials[hidden]";
    }
}
