package io.campanile.deployments.cluster;

import java.nio.file.Path;
import java.util.Map;

/** The hostile-input checks against the same WAR on WildFly ({@code standalone.xml}). */
class HostileInputWildFlyIT extends HostileInputCheck {

    private static final int HTTP_BASE_PORT = 8080;

    @Override
    int choosePort() {
        return HTTP_BASE_PORT + WildFlyLaunch.freePortOffset();
    }

    @Override
    PayaraProcess process(ClusterSettings settings, int port, Map<String, String> properties) {
        String home = System.getProperty("campanile.it.wildflyHome");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("system property campanile.it.wildflyHome is not set; run the cluster"
                    + " tests through Maven (mvn verify -pl deployments/cluster-tests -am)");
        }
        return new WildFlyLaunch(Path.of(home), settings.schedulerWar(), port - HTTP_BASE_PORT, properties)
                .toProcess("hostile-input-wildfly", settings.logDir().resolve("hostile-input-wildfly"));
    }
}
