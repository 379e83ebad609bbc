package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process started by the tests, normally a Payara Micro instance, with its output in a
 * log file. It can be killed like a crash ({@link #kill9()}, SIGKILL), stopped like an operator would
 * ({@link #terminate()}, SIGTERM), or frozen like a long GC pause or a stopped VM ({@link #suspend()}, SIGSTOP,
 * until {@link #resume()}, SIGCONT). Whatever is still running when the JVM exits is killed by PID.
 */
public final class PayaraProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Map<String, String> environment;
    private Process process;
    private volatile boolean suspended;

    /** A process running {@code command}; nothing starts before {@link #start()}. */
    public PayaraProcess(String name, List<String> command, Path logFile) {
        this(name, command, logFile, Map.of());
    }

    /**
     * A process running {@code command} with {@code environment} added to the test JVM's environment (for
     * example {@code LD_PRELOAD} of libfaketime); nothing starts before {@link #start()}.
     */
    public PayaraProcess(String name, List<String> command, Path logFile, Map<String, String> environment) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.environment = new TreeMap<>(environment);
    }

    public synchronized PayaraProcess start() {
        if (process != null) {
            throw new IllegalStateException(name + " was already started");
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        ProcessReaper.register(process.toHandle());
        return this;
    }

    public String name() {
        return name;
    }

    public List<String> command() {
        return command;
    }

    public Path logFile() {
        return logFile;
    }

    /** The variables added to the environment the process starts with. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public long pid() {
        return started().pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Polls {@code url} until it answers 200; fails early when the process exits. Returns the time it took. */
    public Duration awaitReady(URI url, Duration timeout) {
        // HTTP/1.1: the client's default h2c upgrade attempt is not what the tests are about
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            failIfExited("before " + url + " answered");
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                last = "HTTP " + status;
            } catch (IOException notYet) {
                last = notYet.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + ": " + url + " did not answer 200 within " + timeout.toSeconds()
                + " s (last: " + last + "); see " + logFile);
    }

    /** Waits until the log contains {@code text} (for processes without a health URL). */
    public Duration awaitLogLine(String text, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            failIfExited("before its log showed '" + text + "'");
            pause();
        }
        throw new IllegalStateException(
                name + ": log did not show '" + text + "' within " + timeout.toSeconds() + " s; see " + logFile);
    }

    /** SIGKILL, like a crash; returns once the process is gone. */
    public void kill9() {
        started().toHandle().destroyForcibly();
        if (!awaitExit(Duration.ofSeconds(10))) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 10 s");
        }
    }

    /**
     * SIGSTOP: the process freezes at once, as in a long GC pause; the kernel still accepts connections to its
     * listening sockets, but nothing is read or answered until {@link #resume()}.
     */
    public void suspend() {
        signal("STOP");
        suspended = true;
    }

    /** SIGCONT: a suspended process runs on. */
    public void resume() {
        signal("CONT");
        suspended = false;
    }

    /** Whether {@link #suspend()} was the last of suspend and resume. */
    public boolean isSuspended() {
        return suspended && isAlive();
    }

    private void signal(String signal) {
        long pid = started().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** SIGTERM, like an operator's stop; returns at once. */
    public void terminate() {
        if (suspended) {
            resume(); // a stopped process would only handle SIGTERM once continued
        }
        started().destroy();
    }

    public boolean awaitExit(Duration timeout) {
        try {
            boolean exited = started().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                ProcessReaper.unregister(process.toHandle());
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, then SIGKILL if the process has not exited after 30 s. */
    public void stopGracefully() {
        terminate();
        if (!awaitExit(Duration.ofSeconds(30))) {
            kill9();
        }
    }

    /** Kills the process if it still runs; safe to call more than once and on a process never started. */
    @Override
    public void close() {
        if (isAlive()) {
            kill9();
        }
    }

    /** The last {@code lines} lines of the log, without terminal colour codes. */
    /** The last {@code lines} lines of the log under a header naming the log file, ending in a newline. */
    public String framedTail(int lines) {
        return "===== last " + lines + " lines of " + logFile + " =====\n" + tail(lines) + "\n";
    }

    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private String log() {
        try {
            // ISO-8859-1 never fails on bytes that are not UTF-8; the log is only searched and shown
            return Files.exists(logFile)
                    ? Files.readString(logFile, StandardCharsets.ISO_8859_1).replaceAll("\u001B\\[[0-9;]*m", "")
                    : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void failIfExited(String when) {
        if (!started().isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " " + when + "; see "
                    + logFile + "\n" + tail(40));
        }
    }

    private Process started() {
        if (process == null) {
            throw new IllegalStateException(name + " was not started");
        }
        return process;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
