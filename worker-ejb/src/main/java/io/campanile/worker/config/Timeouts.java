package io.campanile.worker.config;

import java.time.Duration;

/**
 * How long the worker waits for servers.
 *
 * @param connect connect timeout of every call; short, so a dead server is skipped quickly
 * @param read read timeout of discovery, claim and report calls; longer than a server's PING of the recorded owner
 *     (1 s), which discovery at a server that does not own the app may wait for
 * @param heartbeatRead read timeout of a heartbeat: an owner that does not answer one within it is taken to be
 *     silent (frozen, or its host gone), and the worker asks the other servers until one names a new owner
 * @param pollRead read timeout of a long-poll; longer than the server's hold time (20 s)
 * @param retryPause pause before retrying after a failed discovery round or repeated poll failures; also the
 *     first pause between discovery rounds while the owner is silent, and of the back-off after a 401
 * @param shutdownGrace how long running work may finish when the worker stops
 */
public record Timeouts(
        Duration connect,
        Duration read,
        Duration heartbeatRead,
        Duration pollRead,
        Duration retryPause,
        Duration shutdownGrace) {

    public static Timeouts defaults() {
        return new Timeouts(
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMillis(250),
                Duration.ofSeconds(2));
    }

    public Timeouts withShutdownGrace(Duration newShutdownGrace) {
        return new Timeouts(connect, read, heartbeatRead, pollRead, retryPause, newShutdownGrace);
    }

    public Timeouts withHeartbeatRead(Duration newHeartbeatRead) {
        return new Timeouts(connect, read, newHeartbeatRead, pollRead, retryPause, shutdownGrace);
    }
}
