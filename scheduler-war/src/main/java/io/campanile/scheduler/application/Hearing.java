package io.campanile.scheduler.application;

/**
 * Whether this server keeps hearing from workers (any worker of any app): since when it has heard one at least every
 * {@link #GAP_MILLIS}. A worker silent for its missed heartbeats while the server kept hearing others is silent itself;
 * when the server heard nobody, it may be the one cut off (its listener or network stalled), and a worker's silence
 * proves less.
 */
final class Hearing {

    /** Longer than a worker's default heartbeat period with room for jitter: a gap this long breaks the hearing. */
    static final long GAP_MILLIS = 2000;

    static final long NEVER = Long.MIN_VALUE;

    private long lastHeard = NEVER;
    private long since = NEVER;

    synchronized void heard(long now) {
        if (lastHeard == NEVER || now - lastHeard > GAP_MILLIS) {
            since = now;
        }
        lastHeard = Math.max(lastHeard, now);
    }

    /** Since when this server has heard workers without a gap; {@link #NEVER} if it hears none now. */
    synchronized long since(long now) {
        return lastHeard != NEVER && now - lastHeard <= GAP_MILLIS ? since : NEVER;
    }
}
