package io.campanile.api.protocol;

/** The server that owns an app, with the epoch of that ownership. */
public record DiscoveryAnswer(String appName, String serverId, String serverUrl, long epoch) {}
