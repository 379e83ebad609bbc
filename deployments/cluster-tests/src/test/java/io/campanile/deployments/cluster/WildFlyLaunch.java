package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A WildFly server to start with its {@code standalone.xml} profile and one WAR: the unpacked distribution,
 * the WAR, the port offset and the system properties. The process is the JVM itself ({@code java -jar
 * jboss-modules.jar ...}, what {@code bin/standalone.sh} runs), not a shell script around it, so that its PID is
 * the server's and SIGKILL or SIGTERM reach it directly.
 */
public record WildFlyLaunch(Path wildflyHome, Path war, int portOffset, Map<String, String> systemProperties) {

    /** The ports {@code standalone.xml} binds before the offset: HTTP, HTTPS, management, transactions. */
    private static final int[] BASE_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    private static final int HTTP_BASE_PORT = 8080;

    public WildFlyLaunch {
        systemProperties = new TreeMap<>(systemProperties);
    }

    /** A port offset at which every port of {@code standalone.xml} is free on 127.0.0.1 now. */
    public static int freePortOffset() {
        for (int tries = 0; tries < 50; tries++) {
            int offset = FreePorts.next() - HTTP_BASE_PORT;
            if (IntStream.of(BASE_PORTS).allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with all WildFly ports free in 50 tries");
    }

    public int httpPort() {
        return HTTP_BASE_PORT + portOffset;
    }

    /**
     * The process (not started) of this server, with its log ({@code <name>.log}, the console output) and a
     * fresh server base directory {@code <name>-base} in {@code workDir}: a copy of the distribution's
     * {@code standalone/configuration} and the WAR in {@code deployments/}, where the deployment scanner finds it
     * at boot. The distribution itself is only read, so several servers can share it.
     */
    public PayaraProcess toProcess(String name, Path workDir) {
        Path baseDir = workDir.resolve(name + "-base");
        try {
            deleteRecursively(baseDir);
            copyRecursively(wildflyHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
            Files.createDirectories(baseDir.resolve("deployments"));
            // the file name gives the context root, /campanile as on Payara Micro
            Files.copy(war, baseDir.resolve("deployments/campanile.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-D[Standalone]",
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djava.awt.headless=true"));
        command.addAll(modularJvmOptions());
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-Dorg.jboss.boot.log.file=" + baseDir.resolve("log/server.log"),
                "-Dlogging.configuration=file:" + baseDir.resolve("configuration/logging.properties"),
                "-jar",
                wildflyHome.resolve("jboss-modules.jar").toString(),
                "-mp",
                wildflyHome.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + wildflyHome,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-c",
                "standalone.xml",
                "-b",
                "127.0.0.1",
                "-bmanagement",
                "127.0.0.1"));
        return new PayaraProcess(name, command, workDir.resolve(name + ".log"));
    }

    /** What {@code bin/common.sh} adds on a modular JDK (11 and later). */
    private static List<String> modularJvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
                "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED"));
        for (String opened : List.of(
                "java.base/java.lang",
                "java.base/java.lang.invoke",
                "java.base/java.lang.reflect",
                "java.base/java.io",
                "java.base/java.net",
                "java.base/java.security",
                "java.base/java.util",
                "java.base/java.util.concurrent",
                "java.management/javax.management",
                "java.naming/javax.naming")) {
            options.add("--add-opens=" + opened + "=ALL-UNNAMED");
        }
        return options;
    }

    private static boolean isFree(int port) {
        if (port < 1024 || port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, FreePorts.LOOPBACK)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
