package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.client.CampanileAdminClient;
import io.campanile.arquillian.Loopback;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the container tests of the deployed WAR share: its loopback address, a plain HTTP client and the admin client,
 * opened before and closed after each test. Each subclass declares its own {@code @Deployment} (a static method).
 */
abstract class DeployedWarClient {

    static final String ADMIN_TOKEN = "it-admin-token";
    static final String CLUSTER_TOKEN = "it-cluster-token";

    @ArquillianResource
    private URL deploymentUrl;

    URI base;
    Client http;
    CampanileAdminClient admin;

    @BeforeEach
    void connect() {
        base = Loopback.of(deploymentUrl);
        http = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        admin = new CampanileAdminClient(base, ADMIN_TOKEN);
    }

    @AfterEach
    void close() {
        admin.close();
        http.close();
    }
}
