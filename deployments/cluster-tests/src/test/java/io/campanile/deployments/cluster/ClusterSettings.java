package io.campanile.deployments.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the cluster's pieces are: the Payara Micro jar and the two WARs (failsafe passes them as system
 * properties), the directory for logs, how many scheduler servers to start and how long a start may take.
 */
public record ClusterSettings(
        Path microJar, Path schedulerWar, Path demoWar, Path logDir, int serverCount, Duration startTimeout) {

    /**
     * Payara Micro takes 12–48 s to start on two cores when several start at once, and up to 100 s when the
     * machine is busy with a build as well; {@code -Dcampanile.it.startTimeoutSeconds} overrides it.
     */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public static ClusterSettings fromSystemProperties(int serverCount) {
        return new ClusterSettings(
                existingFile("payara.microJar"),
                existingFile("campanile.it.schedulerWar"),
                existingFile("campanile.it.demoWar"),
                Path.of(System.getProperty("campanile.it.logDir", "target/cluster-logs"))
                        .toAbsolutePath(),
                serverCount,
                Duration.ofSeconds(
                        Long.getLong("campanile.it.startTimeoutSeconds", DEFAULT_START_TIMEOUT.toSeconds())));
    }

    /** The same settings with the logs and the audit file in a folder of their own: one per suite. */
    public ClusterSettings withLogSubfolder(String name) {
        return new ClusterSettings(microJar, schedulerWar, demoWar, logDir.resolve(name), serverCount, startTimeout);
    }

    private static Path existingFile(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the cluster tests"
                    + " through Maven (failsafe sets it): mvn verify -pl deployments/cluster-tests -am");
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " = " + path + " does not exist");
        }
        return path;
    }
}
