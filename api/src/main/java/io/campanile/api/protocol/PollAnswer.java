package io.campanile.api.protocol;

import java.util.List;

/** Work for the polling worker; empty when the hold time ran out with nothing to do. */
public record PollAnswer(String serverId, long epoch, List<Assignment> assignments) {}
