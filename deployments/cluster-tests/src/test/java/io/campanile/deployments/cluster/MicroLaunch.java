package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Payara Micro instance to start: the Micro jar, one WAR, its HTTP port, its system properties and the
 * variables it gets on top of the test JVM's environment (none unless {@link #withEnvironment} adds them).
 */
public record MicroLaunch(
        Path microJar, Path war, int httpPort, Map<String, String> systemProperties, Map<String, String> environment) {

    public MicroLaunch {
        systemProperties = new TreeMap<>(systemProperties);
        environment = new TreeMap<>(environment);
    }

    public MicroLaunch(Path microJar, Path war, int httpPort, Map<String, String> systemProperties) {
        this(microJar, war, httpPort, systemProperties, Map.of());
    }

    /**
     * This launch with {@code variables} added to its environment, for example libfaketime's
     * {@code LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1}, {@code FAKETIME_TIMESTAMP_FILE},
     * {@code FAKETIME_CACHE_DURATION=1}, {@code FAKETIME_DONT_FAKE_MONOTONIC=1} and
     * {@code FAKETIME_FORCE_MONOTONIC_FIX=0}.
     */
    public MicroLaunch withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.putAll(variables);
        return new MicroLaunch(microJar, war, httpPort, systemProperties, merged);
    }

    /**
     * The process (not started) of this instance, with its log ({@code <name>.log}), a fresh root directory
     * and its pre-boot command file in {@code workDir}. The instance runs with the test JVM's {@code java}.
     */
    public PayaraProcess toProcess(String name, Path workDir) {
        Path rootDir = workDir.resolve(name + "-root");
        Path preboot = workDir.resolve(name + "-preboot.txt");
        try {
            deleteRecursively(rootDir);
            Files.createDirectories(workDir);
            // Payara Micro's HTTP listener binds all interfaces by default; the tests use 127.0.0.1 only
            Files.writeString(
                    preboot,
                    "set configs.config.server-config.network-config.network-listeners"
                            + ".network-listener.http-listener.address=127.0.0.1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx320m", "-XX:+UseSerialGC"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar",
                microJar.toString(),
                "--nocluster",
                "--port",
                Integer.toString(httpPort),
                "--prebootcommandfile",
                preboot.toString(),
                "--rootdir",
                rootDir.toString(),
                "--deploy",
                war.toString()));
        return new PayaraProcess(name, command, workDir.resolve(name + ".log"), environment);
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
