package io.campanile.scheduler.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

@ApplicationPath("api")
public class CampanileApplication extends Application {

    /**
     * Jersey (Payara) would otherwise describe every resource in WADL to anyone, at {@code
     * /api/application.wadl} and in the answer to {@code OPTIONS}, without credentials. Other JAX-RS
     * implementations ignore the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
