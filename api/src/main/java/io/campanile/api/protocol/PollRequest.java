package io.campanile.api.protocol;

/**
 * A worker asks its owner for work and waits (long-poll) up to the server's hold time.
 *
 * @param startsOnTime true when the worker honours {@link Assignment#startInMillis}: the owner may then hand it
 *     scheduled work shortly before it is due (see {@code campanile.dispatch.lead-millis}); null or false: only
 *     work that is due
 */
public record PollRequest(String workerId, int capacity, long epochSeen, Boolean startsOnTime) {

    /** The most a poll may ask for; a server refuses more. */
    public static final int MAX_CAPACITY = 10_000;

    /** Whether the owner may hand this worker work before it is due. */
    public boolean takesWorkAhead() {
        return Boolean.TRUE.equals(startsOnTime);
    }
}
