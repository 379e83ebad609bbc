package io.campanile.api.protocol;

/** A worker asks its owner for work and waits (long-poll) up to the server's hold time. */
public record PollRequest(String workerId, int capacity, long epochSeen) {

    /** The most a poll may ask for; a server refuses more. */
    public static final int MAX_CAPACITY = 10_000;
}
