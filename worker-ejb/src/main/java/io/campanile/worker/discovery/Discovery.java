package io.campanile.worker.discovery;

import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the configured servers, one after the other, which server owns the app, and records the answer.
 * The first server that answers decides; the worker never picks an owner itself. One round at a time:
 * a caller that arrives during a round waits for it and then asks again, which costs one quick call.
 *
 * <p>When every server that answers refuses the app's credentials (401), asking again soon is pointless:
 * rounds then wait a pause that doubles up to {@link #MAX_UNAUTHORIZED_PAUSE}; a call during that pause
 * returns empty at once. Such a state is logged once when it begins and once when it ends. Time is read
 * from a monotonic clock ({@link System#nanoTime()} in production), never from the wall clock.
 */
public final class Discovery {

    private static final Logger LOG = Logger.getLogger(Discovery.class.getName());
    /** During an outage, repeat the warning only every this many failed rounds (about 10 s at 250 ms). */
    private static final int WARN_EVERY = 40;

    public static final Duration MAX_UNAUTHORIZED_PAUSE = Duration.ofSeconds(30);

    private enum State {
        ANSWERING,
        NO_ANSWER,
        UNAUTHORIZED
    }

    private final String app;
    private final ServerApi api;
    private final ServerRotation rotation;
    private final CurrentOwner owner;
    private final EpochGuard epochs;
    private final LongSupplier nanoTime;
    private final Backoff unauthorizedPause;
    private volatile Consumer<Owner> listener = named -> {};
    private boolean answeredOnce;
    /** The owner the last answer named; logged again only when an answer names another. */
    private Owner lastNamed;

    private long lastAnswerNanos;
    private long holdOffUntilNanos;
    private boolean holdingOff;
    private State state = State.ANSWERING;
    private int failedRounds;

    /**
     * @param nanoTime a monotonic clock in nanoseconds
     * @param firstPause the first pause after a round that every answering server refused with 401
     */
    public Discovery(
            String app,
            ServerApi api,
            ServerRotation rotation,
            CurrentOwner owner,
            EpochGuard epochs,
            LongSupplier nanoTime,
            Duration firstPause) {
        this.app = app;
        this.api = api;
        this.rotation = rotation;
        this.owner = owner;
        this.epochs = epochs;
        this.nanoTime = nanoTime;
        this.unauthorizedPause = new Backoff(firstPause, MAX_UNAUTHORIZED_PAUSE);
    }

    /** Called with every owner a server names, right after it was recorded (for example to abandon a poll). */
    public void onAnswer(Consumer<Owner> newListener) {
        this.listener = newListener;
    }

    /**
     * One round over the servers; the owner named by the first that answers, or empty if none did or the
     * credentials were refused a moment ago (see {@link #holdOff()}).
     */
    public Optional<Owner> discover() {
        Owner found = round();
        if (found == null) {
            return Optional.empty();
        }
        listener.accept(found);
        return Optional.of(found);
    }

    private synchronized Owner round() {
        if (holdOff().compareTo(Duration.ZERO) > 0) {
            return null;
        }
        StringBuilder failures = new StringBuilder();
        boolean unauthorized = false;
        boolean otherFailure = false;
        for (URI server : rotation.nextRound()) {
            try {
                Owner found = accept(api.discover(server));
                rotation.answered(server);
                if (!failures.isEmpty()) {
                    // rare: failed servers are asked last from now on; says why a round was slow
                    LOG.info(() -> "Discovery for app " + app + " was answered by " + server + " after" + failures);
                }
                return found;
            } catch (ServerCallException e) {
                rotation.failed(server);
                failures.append("; ").append(e.getMessage());
                unauthorized |= e.isUnauthorized();
                otherFailure |= !e.isUnauthorized() && e.status() != 0;
            } catch (RuntimeException e) {
                rotation.failed(server);
                failures.append("; ").append(server).append(": ").append(e);
                otherFailure = true;
            }
        }
        failedRounds++;
        if (unauthorized && !otherFailure) {
            refused(failures);
        } else {
            unanswered(failures);
        }
        return null;
    }

    /** Every server that answered refused the credentials: back off, and say so once. */
    private void refused(StringBuilder failures) {
        Duration pause = unauthorizedPause.next();
        holdOffUntilNanos = nanoTime.getAsLong() + pause.toNanos();
        holdingOff = true;
        if (state != State.UNAUTHORIZED) {
            state = State.UNAUTHORIZED;
            LOG.severe(() -> "Discovery for app " + app + " is refused with 401: check campanile.app and"
                    + " campanile.app.secret. Asking again after pauses growing to "
                    + MAX_UNAUTHORIZED_PAUSE.toSeconds() + " s; logged again only when this changes" + failures);
        } else {
            LOG.fine(() -> "Discovery for app " + app + " still refused (" + failedRounds + " round(s)); next in "
                    + pause.toMillis() + " ms");
        }
    }

    private void unanswered(StringBuilder failures) {
        unauthorizedPause.reset();
        boolean changed = state != State.NO_ANSWER;
        state = State.NO_ANSWER;
        Level level = changed || failedRounds % WARN_EVERY == 1 ? Level.WARNING : Level.FINE;
        LOG.log(
                level,
                () -> "Discovery for app " + app + " failed (" + failedRounds + " round(s) in a row)" + failures);
    }

    /** How long callers should wait before the next round is worth asking for; zero when it may start now. */
    public synchronized Duration holdOff() {
        if (!holdingOff) {
            return Duration.ZERO;
        }
        long left = holdOffUntilNanos - nanoTime.getAsLong();
        if (left <= 0) {
            holdingOff = false;
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    /** Whether a routine discovery is due: no server answered within the last {@code interval}. */
    public synchronized boolean isDue(Duration interval) {
        return !answeredOnce || nanoTime.getAsLong() - lastAnswerNanos >= interval.toNanos();
    }

    private Owner accept(DiscoveryAnswer answer) {
        if (answer == null || answer.serverUrl() == null || answer.serverUrl().isBlank()) {
            throw new IllegalStateException("discovery answer names no server URL");
        }
        long newest = epochs.observe(answer.epoch());
        Owner found = Owner.from(answer);
        owner.set(found);
        answeredOnce = true;
        lastAnswerNanos = nanoTime.getAsLong();
        // the owner may have been forgotten after a failed call: naming it again is no news
        if (state != State.ANSWERING || !found.equals(lastNamed)) {
            String again = state == State.ANSWERING
                    ? ""
                    : " (servers answer again after " + failedRounds + " failed round(s))";
            LOG.info(() -> "App " + app + " is served by " + found.serverId() + " at " + found.url() + " (epoch "
                    + found.epoch() + (found.epoch() < newest ? ", older than the newest seen " + newest : "")
                    + ")" + again);
        }
        lastNamed = found;
        state = State.ANSWERING;
        failedRounds = 0;
        unauthorizedPause.reset();
        return found;
    }
}
