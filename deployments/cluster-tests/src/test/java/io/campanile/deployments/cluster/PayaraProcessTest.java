package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process handling, with {@code sleep} and {@code sh} standing in for Payara Micro. */
class PayaraProcessTest {

    @TempDir
    Path dir;

    @Test
    void kill9_ends_the_process_at_once() {
        try (PayaraProcess process = new PayaraProcess("sleeper", List.of("sleep", "60"), dir.resolve("s.log"))) {
            process.start();
            long pid = process.pid();
            assertThat(ProcessHandle.of(pid))
                    .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

            process.kill9();

            assertThat(process.isAlive()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
    }

    @Test
    void stop_gracefully_sends_sigterm_which_the_process_can_handle() {
        // the shell notes the SIGTERM in its log and exits by itself, as a server that hands over would
        String script = "trap 'echo got-sigterm; exit 0' TERM; echo started; while true; do sleep 0.1; done";
        try (PayaraProcess process = new PayaraProcess("trapper", List.of("sh", "-c", script), dir.resolve("t.log"))) {
            process.start();
            process.awaitLogLine("started", Duration.ofSeconds(10));

            long start = System.nanoTime();
            process.stopGracefully();

            assertThat(Poll.millisSince(start)).isLessThan(5000);
            assertThat(process.isAlive()).isFalse();
            assertThat(process.tail(5)).contains("got-sigterm");
        }
    }

    @Test
    void suspend_freezes_the_process_until_resume() {
        // the shell counts aloud; a frozen one stops counting, as a stopped JVM stops answering
        String script = "i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.05; done";
        try (PayaraProcess process = new PayaraProcess("counter", List.of("sh", "-c", script), dir.resolve("f.log"))) {
            process.start();
            process.awaitLogLine("tick-3", Duration.ofSeconds(10));

            process.suspend();
            int frozenAt = lastTick(process);
            Poll.pause(Duration.ofMillis(500));

            assertThat(process.isSuspended()).isTrue();
            assertThat(process.isAlive()).isTrue();
            assertThat(lastTick(process)).as("ticks while frozen").isLessThanOrEqualTo(frozenAt + 1);

            process.resume();
            process.awaitLogLine("tick-" + (frozenAt + 5), Duration.ofSeconds(10));
            assertThat(process.isSuspended()).isFalse();
        }
    }

    @Test
    void a_suspended_process_can_still_be_killed_and_terminated() {
        String script = "trap 'echo got-sigterm; exit 0' TERM; echo started; while true; do sleep 0.1; done";
        try (PayaraProcess killed = new PayaraProcess("k", List.of("sleep", "60"), dir.resolve("k.log"));
                PayaraProcess terminated = new PayaraProcess("t", List.of("sh", "-c", script), dir.resolve("t2.log"))) {
            killed.start().suspend();
            terminated.start();
            terminated.awaitLogLine("started", Duration.ofSeconds(10));
            terminated.suspend();

            killed.kill9();
            terminated.stopGracefully();

            assertThat(killed.isAlive()).isFalse();
            assertThat(terminated.tail(5)).contains("got-sigterm");
        }
    }

    @Test
    void starts_the_process_with_the_extra_environment() {
        try (PayaraProcess process = new PayaraProcess(
                "env",
                List.of("sh", "-c", "echo value=$CAMPANILE_IT_PROBE"),
                dir.resolve("e.log"),
                Map.of("CAMPANILE_IT_PROBE", "probe-42"))) {
            process.start();

            process.awaitLogLine("value=probe-42", Duration.ofSeconds(10));
        }
    }

    private static int lastTick(PayaraProcess process) {
        return process.tail(3)
                .lines()
                .filter(line -> line.startsWith("tick-"))
                .mapToInt(line ->
                        Integer.parseInt(line.substring("tick-".length()).trim()))
                .max()
                .orElse(0);
    }

    @Test
    void close_kills_and_is_harmless_when_repeated_or_never_started() {
        PayaraProcess process = new PayaraProcess("sleeper", List.of("sleep", "60"), dir.resolve("c.log"));
        process.close();
        process.start();
        process.close();
        process.close();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void await_ready_polls_until_the_url_answers_200() throws IOException {
        int port = FreePorts.next();
        HttpServer health = HttpServer.create(new InetSocketAddress(FreePorts.LOOPBACK, port), 0);
        health.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try (PayaraProcess process = new PayaraProcess("sleeper", List.of("sleep", "60"), dir.resolve("r.log"))) {
            process.start();
            Thread starter = new Thread(() -> {
                Poll.pause(Duration.ofMillis(700)); // the "server" comes up a little later
                health.start();
            });
            starter.start();

            Duration took =
                    process.awaitReady(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(10));

            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        } finally {
            health.stop(0);
        }
    }

    @Test
    void await_ready_fails_fast_when_the_process_exits() {
        try (PayaraProcess process =
                new PayaraProcess("crasher", List.of("sh", "-c", "echo boom; exit 3"), dir.resolve("x.log"))) {
            process.start();
            long start = System.nanoTime();

            assertThatThrownBy(() -> process.awaitReady(
                            URI.create("http://127.0.0.1:" + FreePorts.next() + "/"), Duration.ofSeconds(60)))
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining("boom");
            assertThat(Poll.millisSince(start)).isLessThan(5000);
        }
    }

    @Test
    void micro_launch_builds_the_payara_micro_command() {
        PayaraProcess process = new MicroLaunch(
                        Path.of("/m/payara-micro.jar"),
                        Path.of("/w/campanile.war"),
                        8181,
                        Map.of("campanile.db.password", "", "campanile.server.url", "http://127.0.0.1:9/c"))
                .toProcess("server-1", dir);

        assertThat(process.command())
                .containsSubsequence(
                        "-Xmx320m",
                        "-XX:+UseSerialGC",
                        "-Dcampanile.db.password=",
                        "-Dcampanile.server.url=http://127.0.0.1:9/c",
                        "-jar",
                        "/m/payara-micro.jar",
                        "--nocluster",
                        "--port",
                        "8181",
                        "--deploy",
                        "/w/campanile.war");
        assertThat(process.logFile()).isEqualTo(dir.resolve("server-1.log"));
        assertThat(process.environment()).isEmpty();
    }

    @Test
    void micro_launch_passes_its_environment_to_the_process() {
        PayaraProcess process = new MicroLaunch(
                        Path.of("/m/payara-micro.jar"), Path.of("/w/campanile.war"), 8181, Map.of())
                .withEnvironment(Map.of("FAKETIME_CACHE_DURATION", "1"))
                .withEnvironment(Map.of("FAKETIME_DONT_FAKE_MONOTONIC", "1"))
                .toProcess("server-2", dir);

        assertThat(process.environment())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("FAKETIME_CACHE_DURATION", "1", "FAKETIME_DONT_FAKE_MONOTONIC", "1"));
    }
}
