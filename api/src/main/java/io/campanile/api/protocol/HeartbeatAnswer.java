package io.campanile.api.protocol;

/** The owner's answer to a heartbeat: the current epoch of the app. */
public record HeartbeatAnswer(String serverId, long epoch) {}
