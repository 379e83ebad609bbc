package io.campanile.api.protocol;

/** A worker asks its owner for work and waits (long-poll) up to the server's hold time. */
public record PollRequest(String workerId, int capacity, long epochSeen) {}
