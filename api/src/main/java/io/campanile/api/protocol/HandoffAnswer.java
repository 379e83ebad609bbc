package io.campanile.api.protocol;

import java.util.List;

/** The apps the peer took over. */
public record HandoffAnswer(String serverId, List<String> takenOver) {}
