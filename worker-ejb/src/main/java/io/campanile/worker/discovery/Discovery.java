package io.campanile.worker.discovery;

import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the configured servers, one after the other, which server owns the app, and records the answer.
 * The first server that answers decides; the worker never picks an owner itself. One round at a time:
 * a caller that arrives during a round waits for it and then asks again, which costs one quick call.
 */
public final class Discovery {

    private static final Logger LOG = Logger.getLogger(Discovery.class.getName());
    /** During an outage, repeat the warning only every this many failed rounds (about 10 s at 250 ms). */
    private static final int WARN_EVERY = 40;

    private final String app;
    private final ServerApi api;
    private final ServerRotation rotation;
    private final CurrentOwner owner;
    private final EpochGuard epochs;
    private final Clock clock;
    private Instant lastAnswer = Instant.MIN;
    private int failedRounds;

    public Discovery(
            String app, ServerApi api, ServerRotation rotation, CurrentOwner owner, EpochGuard epochs, Clock clock) {
        this.app = app;
        this.api = api;
        this.rotation = rotation;
        this.owner = owner;
        this.epochs = epochs;
        this.clock = clock;
    }

    /** One round over the servers; the owner named by the first that answers, or empty if none did. */
    public synchronized Optional<Owner> discover() {
        StringBuilder failures = new StringBuilder();
        boolean unauthorized = false;
        for (URI server : rotation.nextRound()) {
            try {
                Owner found = accept(api.discover(server));
                rotation.answered(server);
                return Optional.of(found);
            } catch (ServerCallException e) {
                rotation.failed(server);
                failures.append("; ").append(e.getMessage());
                unauthorized |= e.isUnauthorized();
            } catch (RuntimeException e) {
                rotation.failed(server);
                failures.append("; ").append(server).append(": ").append(e);
            }
        }
        failedRounds++;
        Level level = failedRounds % WARN_EVERY != 1 ? Level.FINE : unauthorized ? Level.SEVERE : Level.WARNING;
        String hint = unauthorized ? " (401: check campanile.app and campanile.app.secret)" : "";
        LOG.log(
                level,
                () -> "Discovery for app " + app + " failed" + hint + " (" + failedRounds + " round(s) in a row)"
                        + failures);
        return Optional.empty();
    }

    /** Whether a routine discovery is due: none answered within {@code interval} before {@code now}. */
    public synchronized boolean isDue(Instant now, Duration interval) {
        return !lastAnswer.plus(interval).isAfter(now);
    }

    private Owner accept(DiscoveryAnswer answer) {
        if (answer == null || answer.serverUrl() == null || answer.serverUrl().isBlank()) {
            throw new IllegalStateException("discovery answer names no server URL");
        }
        long newest = epochs.observe(answer.epoch());
        Owner found = Owner.from(answer);
        Owner previous = owner.set(found);
        lastAnswer = clock.instant();
        if (failedRounds > 0 || previous == null || !previous.equals(found)) {
            LOG.info(() -> "App " + app + " is served by " + found.serverId() + " at " + found.url() + " (epoch "
                    + found.epoch() + (found.epoch() < newest ? ", older than the newest seen " + newest : "")
                    + ")");
        }
        failedRounds = 0;
        return found;
    }
}
