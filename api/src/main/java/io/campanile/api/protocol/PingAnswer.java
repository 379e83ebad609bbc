package io.campanile.api.protocol;

/** A server's answer to a PING from another server: who it is and whether it owns the app. */
public record PingAnswer(String serverId, String appName, boolean owner, long epoch) {}
