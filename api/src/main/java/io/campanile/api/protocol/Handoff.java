package io.campanile.api.protocol;

import java.util.List;

/** A leaving server asks a peer to take over its apps, each at the epoch it held. */
public record Handoff(String leavingServerId, List<HeldApp> apps) {

    public record HeldApp(String appName, long epoch) {}
}
