package io.campanile.api.protocol;

import java.util.List;

/**
 * The owner's answer to a heartbeat: the current epoch of the app, and the attempts the worker named as running that
 * it must stop, each with the reason (stopped through the admin API, or no longer the worker's).
 */
public record HeartbeatAnswer(String serverId, long epoch, List<Refusal> stop) {

    /** The constructor JSON-B uses: with two constructors it must be told which. */
    @jakarta.json.bind.annotation.JsonbCreator
    public HeartbeatAnswer {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** An answer that stops nothing. */
    public HeartbeatAnswer(String serverId, long epoch) {
        this(serverId, epoch, List.of());
    }
}
