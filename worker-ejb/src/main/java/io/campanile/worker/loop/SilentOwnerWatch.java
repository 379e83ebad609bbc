package io.campanile.worker.loop;

import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.Owner;
import io.campanile.worker.discovery.ServerRotation;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Gives up on a silent owner without waiting for a long timeout. An owner that does not answer a heartbeat in
 * time is suspected (it may be frozen, or its host gone without closing connections, while the worker's poll
 * to it hangs). From then on discovery asks the other servers, the suspect last, round after round, until one
 * names a newer epoch (a new owner; the poll loop then abandons the poll held at the silent one) or the
 * suspect answers a heartbeat again.
 *
 * <p>Rounds start at least a pause apart; the pause doubles from the first one up to a ceiling (the heartbeat
 * interval), so a worker cut off from an owner that lives on asks about once per heartbeat. The worker only
 * asks: the servers keep the owner while its lease is valid, so a cut-off worker never makes ownership flip.
 * Time comes from a monotonic clock.
 */
public final class SilentOwnerWatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(SilentOwnerWatch.class.getName());

    private final String app;
    private final Discovery discovery;
    private final ServerRotation rotation;
    private final LongSupplier nanoTime;
    private final Duration firstPause;
    private final Duration maxPause;
    private Owner suspect;
    private Duration pause;
    private long nextRoundNanos;
    private long suspectedAtNanos;
    private boolean running = true;

    public SilentOwnerWatch(
            String app,
            Discovery discovery,
            ServerRotation rotation,
            LongSupplier nanoTime,
            Duration firstPause,
            Duration maxPause) {
        this.app = app;
        this.discovery = discovery;
        this.rotation = rotation;
        this.nanoTime = nanoTime;
        this.firstPause = firstPause;
        this.maxPause = maxPause.compareTo(firstPause) < 0 ? firstPause : maxPause;
        this.pause = firstPause;
    }

    /** The owner did not answer in time; returns whether it was not suspected already. */
    public synchronized boolean suspect(Owner silent) {
        if (silent.equals(suspect)) {
            return false;
        }
        suspect = silent;
        suspectedAtNanos = nanoTime.getAsLong();
        pause = firstPause;
        nextRoundNanos = suspectedAtNanos;
        rotation.failed(silent.url());
        LOG.info(() -> "Owner " + silent.serverId() + " of app " + app + " (epoch " + silent.epoch()
                + ") did not answer a heartbeat in time; asking the other servers whether the app has a new owner");
        notifyAll();
        return true;
    }

    /** {@code owner} answered a heartbeat: it is not silent (any longer). */
    public synchronized void answered(Owner owner) {
        if (suspect != null && suspect.url().equals(owner.url())) {
            Owner was = suspect;
            long silentMillis =
                    Duration.ofNanos(nanoTime.getAsLong() - suspectedAtNanos).toMillis();
            suspect = null;
            rotation.answered(was.url());
            LOG.info(() ->
                    "Owner " + was.serverId() + " of app " + app + " answers again after " + silentMillis + " ms");
        }
    }

    /** A server named {@code named} as the owner; a newer epoch than the suspect's ends the suspicion. */
    public synchronized void ownerNamed(Owner named) {
        if (suspect != null && named.epoch() > suspect.epoch()) {
            Owner was = suspect;
            long afterMillis =
                    Duration.ofNanos(nanoTime.getAsLong() - suspectedAtNanos).toMillis();
            suspect = null;
            LOG.info(() -> "App " + app + " moved from silent " + was.serverId() + " (epoch " + was.epoch()
                    + ") to " + named.serverId() + " (epoch " + named.epoch() + ") " + afterMillis
                    + " ms after the owner fell silent");
        }
    }

    public synchronized Optional<Owner> suspected() {
        return Optional.ofNullable(suspect);
    }

    /** Whether {@code server} is the suspected owner (callers then try it last). */
    public synchronized boolean isSilent(URI server) {
        return suspect != null && suspect.url().equals(server);
    }

    /**
     * Runs a discovery round if the owner is suspected and the pause since the last round has passed.
     *
     * @return how long to wait before the next step; empty while nothing is suspected
     */
    Optional<Duration> step() {
        synchronized (this) {
            if (suspect == null) {
                return Optional.empty();
            }
            long now = nanoTime.getAsLong();
            if (now < nextRoundNanos) {
                return Optional.of(Duration.ofNanos(nextRoundNanos - now));
            }
            nextRoundNanos = now + pause.toNanos();
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(maxPause) > 0 ? maxPause : doubled;
        }
        discovery.discover(); // an answer reaches ownerNamed through the discovery listener
        return Optional.of(Duration.ZERO);
    }

    @Override
    public void run() {
        while (true) {
            Optional<Duration> wait = step();
            synchronized (this) {
                if (!running) {
                    return;
                }
                try {
                    if (wait.isEmpty()) {
                        if (suspect == null) {
                            wait();
                        }
                    } else if (!wait.get().isZero()) {
                        wait(Math.max(1, wait.get().toMillis()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Ends {@link #run()}; a discovery round in progress finishes first (its calls have timeouts). */
    public synchronized void stop() {
        running = false;
        notifyAll();
    }
}
