package io.campanile.deployments.cluster;

import java.util.Map;

/** The hostile-input checks against the WAR on Payara Micro. */
class HostileInputIT extends HostileInputCheck {

    @Override
    int choosePort() {
        return FreePorts.next();
    }

    @Override
    PayaraProcess process(ClusterSettings settings, int port, Map<String, String> properties) {
        return new MicroLaunch(settings.microJar(), settings.schedulerWar(), port, properties)
                .toProcess("hostile-input", settings.logDir().resolve("hostile-input"));
    }
}
