package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the test's own (Debian's binaries, {@code initdb} and {@code pg_ctl}) in a temporary
 * directory, listening on a free port of 127.0.0.1 only, with trust authentication: a database server the chaos
 * soak may restart without touching the machine's shared one. {@code initdb} refuses to run as root, so as root
 * the binaries run as the {@code postgres} OS user ({@code runuser}). {@link #close()} stops it with
 * {@code pg_ctl} (SIGKILL by PID if that fails) and deletes the directory.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final Path DEFAULT_BIN_DIR = Path.of("/usr/lib/postgresql/15/bin");
    private static final String OS_USER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path binDir;
    private final Path baseDir;
    private final int port;
    private final boolean asRoot;
    /** Server settings given with {@code -c} after the defaults, so they win over them (the last one counts). */
    private final Map<String, String> settings;
    /** Stops the server if the test JVM ends before {@link #close()} (an aborted run). */
    private final Thread safetyNet = new Thread(this::stopAndDelete, "campanile-chaos-pg-reaper");

    private PrivatePostgres(Path binDir, Path baseDir, int port, boolean asRoot, Map<String, String> settings) {
        this.binDir = binDir;
        this.baseDir = baseDir;
        this.port = port;
        this.asRoot = asRoot;
        this.settings = Map.copyOf(settings);
    }

    /** Creates a cluster with {@code initdb} and starts it; fails with the command's output if either fails. */
    public static PrivatePostgres start(Path binDir) {
        return start(binDir, Map.of());
    }

    /**
     * As {@link #start(Path)}, with server {@code settings} (name to value, given as {@code -c name=value} on
     * every start) that override the defaults: the benchmark preloads {@code pg_stat_statements} and keeps
     * {@code fsync} on. Values must not contain spaces.
     */
    public static PrivatePostgres start(Path binDir, Map<String, String> settings) {
        if (!Files.isExecutable(binDir.resolve("initdb"))) {
            throw new IllegalStateException(binDir + "/initdb is missing: the chaos soak needs PostgreSQL's server"
                    + " binaries (Debian: postgresql-15) to run a PostgreSQL of its own");
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        PrivatePostgres postgres;
        try {
            Path dir = Files.createTempDirectory(
                    "campanile-chaos-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            postgres = new PrivatePostgres(binDir, dir, FreePorts.next(), asRoot, settings);
            Runtime.getRuntime().addShutdownHook(postgres.safetyNet);
            if (asRoot) {
                run(List.of("chown", OS_USER + ":" + OS_USER, dir.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            postgres.pgCommand(List.of(
                    "initdb",
                    "-D",
                    postgres.dataDir().toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync"));
            postgres.startServer();
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The maintenance database, for {@link PostgresDatabase#createFresh(String, String)}. */
    public String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public Path logFile() {
        return baseDir.resolve("postgres.log");
    }

    /** The postmaster's PID while it runs, from {@code postmaster.pid}. */
    public Optional<Long> pid() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? Optional.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // being written or removed right now
        }
    }

    /** Fast shutdown (open sessions are ended, as an operator's restart does); returns once it is down. */
    public void stopServer() {
        pgCommand(List.of("pg_ctl", "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "30", "stop"));
    }

    /** Starts the server again on the same port and data; returns once it accepts connections. */
    public void startServer() {
        pgCommand(List.of(
                "pg_ctl",
                "-D",
                dataDir().toString(),
                "-l",
                logFile().toString(),
                "-w",
                "-t",
                "30",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + baseDir + " -c fsync=off"
                        + " -c max_connections=200" + extraSettings(),
                "start"));
    }

    private String extraSettings() {
        StringBuilder out = new StringBuilder();
        settings.forEach(
                (name, value) -> out.append(" -c ").append(name).append('=').append(value));
        return out.toString();
    }

    /** Stops the server (by PID with SIGKILL if {@code pg_ctl} fails) and deletes its directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(safetyNet);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        stopAndDelete();
    }

    private void stopAndDelete() {
        try {
            if (pid().isPresent()) {
                stopServer();
            }
        } catch (RuntimeException e) {
            System.err.println("pg_ctl stop failed, killing the private PostgreSQL by PID: " + e.getMessage());
            pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private Path dataDir() {
        return baseDir.resolve("data");
    }

    private void pgCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(binDir.resolve(arguments.get(0)).toString());
        command.addAll(arguments.subList(1, arguments.size()));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with our pipe as its stdout unless -l is given: it is given
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "private PostgreSQL at 127.0.0.1:" + port + " in " + baseDir;
    }
}
