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

/** A Payara Micro instance to start: the Micro jar, one WAR, its HTTP port and its system properties. */
public record MicroLaunch(Path microJar, Path war, int httpPort, Map<String, String> systemProperties) {

    public MicroLaunch {
        systemProperties = new TreeMap<>(systemProperties);
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
        return new PayaraProcess(name, command, workDir.resolve(name + ".log"));
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
