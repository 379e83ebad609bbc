package io.campanile.worker.config;

import java.time.Duration;

/**
 * How long the worker waits for servers.
 *
 * @param connect connect timeout of every call; short, so a dead server is skipped quickly
 * @param read read timeout of discovery, heartbeat and report calls
 * @param pollRead read timeout of a long-poll; longer than the server's hold time (20 s)
 * @param retryPause pause before retrying after a failed discovery round or repeated poll failures
 * @param shutdownGrace how long running work may finish when the worker stops
 */
public record Timeouts(
        Duration connect, Duration read, Duration pollRead, Duration retryPause, Duration shutdownGrace) {

    public static Timeouts defaults() {
        return new Timeouts(
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                Duration.ofMillis(250),
                Duration.ofSeconds(2));
    }
}
